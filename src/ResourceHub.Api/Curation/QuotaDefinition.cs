using ResourceHub.Api.OData;
using ResourceHub.Domain.Curation;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Curation;

/// <summary>The Quotas set: recommendation places per level, region, subject and year.</summary>
public sealed class QuotaDefinition : EntityDefinition<RecommendationQuota>
{
    public static readonly QuotaDefinition Instance = new();

    public override string SetName => "Quotas";
    public override string TypeName => "RecommendationQuota";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<RecommendationQuota>> Fields { get; } =
    [
        new("Id", FieldType.Guid, q => q.Id),
        new("Level", FieldType.String, q => q.Level),
        new("RegionCode", FieldType.String, q => q.RegionCode),
        new("Subject", FieldType.String, q => q.Subject),
        new("Year", FieldType.Int64, q => (long)q.Year),
        new("MaxCount", FieldType.Int64, q => (long)q.MaxCount),
        new("Used", FieldType.Int64, q => (long)q.Used),
    ];

    public override object KeyOf(RecommendationQuota entity) => entity.Id;
    public override string ETagOf(RecommendationQuota entity) => $"W/\"{entity.Version}\"";
}
