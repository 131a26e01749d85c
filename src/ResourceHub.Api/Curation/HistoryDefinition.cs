using ResourceHub.Api.OData;
using ResourceHub.Domain.Curation;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Curation;

/// <summary>The read-only History set (also Resources(id)/History): the audit trail of curation.</summary>
public sealed class HistoryDefinition : EntityDefinition<CurationEvent>
{
    public static readonly HistoryDefinition Instance = new();

    public override string SetName => "History";
    public override string TypeName => "CurationEvent";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<CurationEvent>> Fields { get; } =
    [
        new("Id", FieldType.Int64, e => e.Id),
        new("ResourceId", FieldType.Guid, e => e.ResourceId),
        new("Action", FieldType.String, e => e.Action),
        new("FromStatus", FieldType.String, e => e.FromStatus),
        new("ToStatus", FieldType.String, e => e.ToStatus),
        new("OnRevision", FieldType.Boolean, e => e.OnRevision),
        new("Level", FieldType.String, e => e.Level, Nullable: true),
        new("Reason", FieldType.String, e => e.Reason, Nullable: true, Sortable: false),
        new("ActorId", FieldType.String, e => e.ActorId),
        new("ActorRole", FieldType.String, e => e.ActorRole),
        new("ActorOrg", FieldType.String, e => e.ActorOrg),
        new("At", FieldType.DateTimeOffset, e => e.At),
    ];

    public override object KeyOf(CurationEvent entity) => entity.Id;
}
