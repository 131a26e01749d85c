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
        new("FileName", FieldType.String, r => r.File?.FileName, Nullable: true),
        new("ContentType", FieldType.String, r => r.File?.ContentType, Nullable: true),
        new("Size", FieldType.Int64, r => r.File?.Size, Nullable: true),
        new("Sha256", FieldType.String, r => r.File?.Sha256, Nullable: true, Sortable: false),
        new("DurationSeconds", FieldType.Double, r => r.DurationSeconds, Nullable: true),
    ];

    public override object KeyOf(Resource entity) => entity.Id;
    public override string ETagOf(Resource entity) => entity.ETag;
}
