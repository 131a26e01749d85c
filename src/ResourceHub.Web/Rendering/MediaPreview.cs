using Microsoft.AspNetCore.Html;
using ResourceHub.Application.Media;
using ResourceHub.Domain.Renditions;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Web.Rendering;

/// <summary>What _Preview shows of an item (player, first-page preview, description), on the detail page and the review desk alike.</summary>
public sealed record MediaPreview(Resource Resource, IReadOnlyList<Rendition> Renditions, Func<string, string> Link, IHtmlContent Description)
{
    public bool Has(string kind) => Renditions.Any(r => r.Kind == kind);

    public bool IsVideo => Has(SignedMedia.Mp4) || Resource.File?.ContentType.StartsWith("video/", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>Whether the page needs the player script.</summary>
    public bool Plays => Has(SignedMedia.Mp4);
}
