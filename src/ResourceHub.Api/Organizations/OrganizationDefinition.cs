using ResourceHub.Api.OData;
using ResourceHub.Domain.Organizations;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Organizations;

public sealed class OrganizationDefinition : EntityDefinition<Organization>
{
    public static readonly OrganizationDefinition Instance = new();

    public override string SetName => "Organizations";
    public override string TypeName => "Organization";
    public override string KeyName => "Code";

    public override IReadOnlyList<EntityField<Organization>> Fields { get; } =
    [
        new("Code", FieldType.String, o => o.Code),
        new("Name", FieldType.String, o => o.Name),
        new("Kind", FieldType.String, o => o.Kind),
        new("Tier", FieldType.String, o => o.Tier),
        new("ParentCode", FieldType.String, o => o.ParentCode, Nullable: true),
    ];

    public override object KeyOf(Organization entity) => entity.Code;
}
