using ResourceHub.Api.OData;
using ResourceHub.Domain.Curation;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Curation;

/// <summary>Resources(id)/Stats: popularity and the parts of the quality score, for the UI to explain it.</summary>
public sealed class ResourceStatsDefinition : EntityDefinition<ResourceStats>
{
    public static readonly ResourceStatsDefinition Instance = new();

    public override string SetName => "ResourceStats";
    public override string TypeName => "ResourceStats";
    public override string KeyName => "ResourceId";

    public override IReadOnlyList<EntityField<ResourceStats>> Fields { get; } =
    [
        new("ResourceId", FieldType.Guid, s => s.ResourceId),
        new("Downloads", FieldType.Int64, s => s.Downloads),
        new("RatingCount", FieldType.Int64, s => (long)s.RatingCount),
        new("RatingMean", FieldType.Double, s => s.RatingCount == 0 ? null : (double)s.RatingSum / s.RatingCount, Nullable: true),
        new("BayesianRating", FieldType.Double, s => s.BayesianRating, Nullable: true),
        new("ExpertMean", FieldType.Double, s => s.ExpertMean, Nullable: true),
        new("ExpertPart", FieldType.Double, s => s.ExpertPart, Nullable: true),
        new("LevelPart", FieldType.Double, s => s.LevelPart),
        new("RatingPart", FieldType.Double, s => s.RatingPart, Nullable: true),
        new("QualityScore", FieldType.Double, s => s.QualityScore, Nullable: true),
        new("UpdatedAt", FieldType.DateTimeOffset, s => s.UpdatedAt),
    ];

    public override object KeyOf(ResourceStats entity) => entity.ResourceId;
}
