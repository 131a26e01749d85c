using ResourceHub.Api.OData;
using ResourceHub.Domain.Curation;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Curation;

/// <summary>The read-only Nominations set (also Resources(id)/Nominations): 推优 that admins weigh.</summary>
public sealed class NominationDefinition : EntityDefinition<Nomination>
{
    public static readonly NominationDefinition Instance = new();

    public override string SetName => "Nominations";
    public override string TypeName => "Nomination";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<Nomination>> Fields { get; } =
    [
        new("Id", FieldType.Guid, n => n.Id),
        new("ResourceId", FieldType.Guid, n => n.ResourceId),
        new("Level", FieldType.String, n => n.Level),
        new("Reason", FieldType.String, n => n.Reason, Sortable: false),
        new("NominatedBy", FieldType.String, n => n.NominatedBy),
        new("NominatorOrg", FieldType.String, n => n.NominatorOrg),
        new("At", FieldType.DateTimeOffset, n => n.At),
    ];

    public override object KeyOf(Nomination entity) => entity.Id;
}
