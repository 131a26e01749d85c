using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace ResourceHub.Web.Rendering;

/// <summary>
/// Descriptions are Markdown written by uploaders: rendered with raw HTML switched off (it shows as text) and
/// links and images limited to http(s), mailto and our own paths, so a description cannot carry script.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseEmphasisExtras()
        .UsePipeTables()
        .UseAutoLinks()
        .Build();

    public IHtmlContent Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return HtmlString.Empty;
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            if (!IsSafeUrl(link.Url))
                link.Url = "#";
        foreach (var link in document.Descendants<AutolinkInline>())
            if (!IsSafeUrl(link.Url))
                link.Url = "#";
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return new HtmlString(writer.ToString());
    }

    public static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrEmpty(url))
            return true;
        var trimmed = url.Trim();
        if (trimmed.StartsWith('/') && !trimmed.StartsWith("//", StringComparison.Ordinal))
            return true;
        if (trimmed.StartsWith('#'))
            return true;
        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
    }
}
