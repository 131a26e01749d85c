using ResourceHub.Api.OData;
using ResourceHub.Domain.Resources;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Resources;

/// <summary>The Resources entity set: what clients see of a <see cref="Resource"/>.</summary>
public sealed class ResourceDefinition : EntityDefinition<Resource>
{
    public static readonly ResourceDefinition Instance = new();

    public override string SetName => "Resources";
    public override string TypeName => "Resource";
    public override string KeyName => "Id";
    public override bool HasStream => true;

    public override IReadOnlyList<EntityField<Resource>> Fields { get; } =
    [
        new("Id", FieldType.Guid, r => r.Id),
        new("Kind", FieldType.String, r => r.Kind),
        new("Title", FieldType.String, r => r.Title),
        new("Description", FieldType.String, r => r.Description, Nullable: true, Sortable: false),
        new("Subject", FieldType.String, r => r.Subject),
        new("Stage", FieldType.String, r => r.Stage),
        new("Topics", FieldType.StringCollection, r => r.Topics),
        new("Tags", FieldType.StringCollection, r => r.Tags),
        new("Grade", FieldType.String, r => r.Grade, Nullable: true),
        new("OwnerOrg", FieldType.String, r => r.OwnerOrg),
        new("CreatedBy", FieldType.String, r => r.CreatedBy),
        new("CreatedAt", FieldType.DateTimeOffset, r => r.CreatedAt),
        new("UpdatedAt", FieldType.DateTimeOffset, r => r.UpdatedAt),
        new("Status", FieldType.String, r => r.Status),
        new("TrainingProject", FieldType.String, r => r.TrainingProject, Nullable: true),
        new("Workshop", FieldType.String, r => r.Workshop, Nullable: true),
        new("RecommendationLevel", FieldType.String, r => r.RecommendationLevel, Nullable: true),
        new("QualityScore", FieldType.Double, r => r.QualityScore, Nullable: true),
        new("FileName", FieldType.String, r => r.File == null ? null : r.File.FileName, Nullable: true),
        new("ContentType", FieldType.String, r => r.File == null ? null : r.File.ContentType, Nullable: true),
        new("Size", FieldType.Int64, r => r.File == null ? null : (long?)r.File.Size, Nullable: true),
        new("Sha256", FieldType.String, r => r.File == null ? null : r.File.Sha256, Nullable: true, Sortable: false),
        new("DurationSeconds", FieldType.Double, r => r.DurationSeconds, Nullable: true),
        // Popularity from resource_stats (read-only; loaded with the rows, see ResourceEntries). Sortable and filterable in
        // the database and in search (the index refreshes them every StatsRefreshSeconds).
        new("Downloads", FieldType.Int64, r => r.Stats == null ? 0L : r.Stats.Downloads),
        new("Rating", FieldType.Double, r => r.Stats == null || r.Stats.RatingCount == 0 ? null : (double?)((double)r.Stats.RatingSum / r.Stats.RatingCount),
            Nullable: true),
    ];

    /// <summary>Owner is the organisation named by OwnerOrg. Renditions, Reviews and History slot in here as their sets arrive.</summary>
    public override IReadOnlyList<NavigationField> Navigations { get; } =
        [new("Owner", "Organization", IsCollection: false, TargetSet: "Organizations")];

    public override object KeyOf(Resource entity) => entity.Id;
    public override string ETagOf(Resource entity) => entity.ETag;
}
