using ResourceHub.Api.OData;
using ResourceHub.Domain.Jobs;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Media;

/// <summary>
/// The read-only MediaJobs entity set (also Resources({id})/Jobs, newest first): state, stage,
/// percent and ETA for a progress bar, and the Chinese error when processing failed.
/// </summary>
public sealed class MediaJobDefinition : EntityDefinition<MediaJob>
{
    public static readonly MediaJobDefinition Instance = new();

    public override string SetName => "MediaJobs";
    public override string TypeName => "MediaJob";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<MediaJob>> Fields { get; } =
    [
        new("Id", FieldType.Guid, j => j.Id),
        new("ResourceId", FieldType.Guid, j => j.ResourceId),
        new("Kind", FieldType.String, j => j.Kind),
        new("State", FieldType.String, j => j.State),
        new("Stage", FieldType.String, j => j.Stage, Nullable: true),
        new("Percent", FieldType.Double, j => j.Percent),
        new("EtaSeconds", FieldType.Double, j => j.EtaSeconds, Nullable: true),
        new("Attempts", FieldType.Int64, j => (long)j.Attempts),
        new("MaxAttempts", FieldType.Int64, j => (long)j.MaxAttempts),
        new("Error", FieldType.String, j => j.LastError, Nullable: true, Filterable: false, Sortable: false),
        new("NextRunAt", FieldType.DateTimeOffset, j => j.NextRunAt),
        new("CreatedAt", FieldType.DateTimeOffset, j => j.CreatedAt),
        new("UpdatedAt", FieldType.DateTimeOffset, j => j.UpdatedAt),
    ];

    public override object KeyOf(MediaJob entity) => entity.Id;
}
