using Microsoft.AspNetCore.Html;
using ResourceHub.Application.Media;
using ResourceHub.Domain.Renditions;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Web.Rendering;

/// <summary>What _Preview shows of an item (player, page previews, description), on the detail page and the review desk alike.</summary>
public sealed record MediaPreview(Resource Resource, IReadOnlyList<Rendition> Renditions, Func<string, string> Link, IHtmlContent Description)
{
    public bool Has(string kind) => Renditions.Any(r => r.Kind == kind);

    public bool IsVideo => Has(SignedMedia.Mp4) || Resource.File?.ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The page images of a PDF or converted Office file (none for other files).</summary>
    public Rendition? Pages => Renditions.FirstOrDefault(r => r.Kind == SignedMedia.Preview);

    /// <summary>How many page images there are: a set made before multi-page previews holds only the first page.</summary>
    public int PagesShown => Pages is null ? 0 : Pages.PreviewPages ?? 1;

    /// <summary>Pages of the whole document, when known (at least the ones shown).</summary>
    public int? PageCount => Pages?.PageCount is { } count ? Math.Max(count, PagesShown) : null;

    /// <summary>Whether the page needs the player script.</summary>
    public bool Plays => Has(SignedMedia.Mp4);
}
