using ResourceHub.Api.OData;
using ResourceHub.Application.Duplicates;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Duplicates;

/// <summary>The read-only Duplicates set (also Resources(id)/Duplicates): "可能重复" findings as the caller may see them.</summary>
public sealed class DuplicateDefinition : EntityDefinition<DuplicateMatch>
{
    public static readonly DuplicateDefinition Instance = new();

    public override string SetName => "Duplicates";
    public override string TypeName => "Duplicate";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<DuplicateMatch>> Fields { get; } =
    [
        new("Id", FieldType.Int64, m => m.Id),
        new("ResourceId", FieldType.Guid, m => m.ResourceId),
        new("OtherResourceId", FieldType.Guid, m => m.OtherResourceId, Nullable: true),
        new("OtherTitle", FieldType.String, m => m.OtherTitle, Nullable: true),
        new("OtherOrg", FieldType.String, m => m.OtherOrg, Nullable: true),
        new("Method", FieldType.String, m => m.Method),
        new("Score", FieldType.Double, m => m.Score),
        new("FoundAt", FieldType.DateTimeOffset, m => m.FoundAt),
        new("ResolvedAt", FieldType.DateTimeOffset, m => m.ResolvedAt, Nullable: true),
        new("Note", FieldType.String, m => m.Note, Sortable: false),
    ];

    public override object KeyOf(DuplicateMatch entity) => entity.Id;
}
