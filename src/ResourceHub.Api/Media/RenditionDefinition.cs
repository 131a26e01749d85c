using ResourceHub.Api.OData;
using ResourceHub.Domain.Renditions;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Media;

/// <summary>The read-only Renditions entity set; /$value streams the file (HLS: redirects to the playlist URL).</summary>
public sealed class RenditionDefinition : EntityDefinition<Rendition>
{
    public static readonly RenditionDefinition Instance = new();

    public override string SetName => "Renditions";
    public override string TypeName => "Rendition";
    public override string KeyName => "Id";
    public override bool HasStream => true;

    public override IReadOnlyList<EntityField<Rendition>> Fields { get; } =
    [
        new("Id", FieldType.Guid, r => r.Id),
        new("ResourceId", FieldType.Guid, r => r.ResourceId),
        new("Kind", FieldType.String, r => r.Kind),
        new("Width", FieldType.Int64, r => (long)r.Width),
        new("Height", FieldType.Int64, r => (long)r.Height),
        new("BitRate", FieldType.Int64, r => r.BitRate, Nullable: true),
        new("DurationSeconds", FieldType.Double, r => r.DurationSeconds, Nullable: true),
        new("PageCount", FieldType.Int64, r => (long?)r.PageCount, Nullable: true),
        new("PreviewPages", FieldType.Int64, r => (long?)r.PreviewPages, Nullable: true),
        new("Size", FieldType.Int64, r => r.Size),
        new("ContentType", FieldType.String, r => r.ContentType),
        new("CreatedAt", FieldType.DateTimeOffset, r => r.CreatedAt),
    ];

    public override object KeyOf(Rendition entity) => entity.Id;
}
