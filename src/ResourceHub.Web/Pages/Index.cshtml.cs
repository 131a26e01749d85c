using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using ResourceHub.Application;
using ResourceHub.Application.Identity;
using ResourceHub.Application.Media;
using ResourceHub.Application.Packages;
using ResourceHub.Application.Resources;
using ResourceHub.Application.Search;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;
using ResourceHub.Indexing;
using ResourceHub.Indexing.Text;
using ResourceHub.Query.Model;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages;

/// <summary>首页: search and browse with facets, sorting and paging; works as a plain GET form without JavaScript.</summary>
public sealed class IndexModel(ResourceSearch search, ResourceFacts facts, MediaLinks links, Baskets baskets) : PageModel
{
    public const int PageSize = 12;

    /// <param name="ContentHighlight">A snippet of the text inside the file, when only that text matched.</param>
    public sealed record Card(Resource Resource, string? TitleHighlight, string? ContentHighlight, ResourceStats? Stats, string? ThumbnailUrl);

    public sealed record FacetView(FacetDef Def, IReadOnlyList<FacetBucket> Buckets, IReadOnlyList<string> Selected);

    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public string? SortValue { get; set; }
    [BindProperty(SupportsGet = true, Name = "after")] public string? After { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    public SortDef Sort { get; private set; } = SearchChoices.Sorts[0];
    public IReadOnlyList<Card> Cards { get; private set; } = [];
    public IReadOnlyList<FacetView> Facets { get; private set; } = [];
    public long Total { get; private set; }
    public string? NextUrl { get; private set; }
    public string? Error { get; private set; }
    public IReadOnlySet<Guid> InBasket { get; private set; } = new HashSet<Guid>();
    /// <summary>The basket form's notice after it came back here.</summary>
    [BindProperty(SupportsGet = true, Name = "done")] public string? Done { get; set; }
    public bool Filtered => !string.IsNullOrWhiteSpace(Q) || Facets.Any(f => f.Selected.Count > 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = await HttpContext.SignedInCallerAsync(ct);
        var text = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim();
        Sort = SearchChoices.Sort(SortValue, text is not null);
        var selected = SearchChoices.Facets.ToDictionary(f => f.Field, f => Selected(f.Param), StringComparer.Ordinal);
        var cursor = After is { Length: > 0 } ? SearchCursor.TryDecode(After) : null;
        var query = new EntityQuery { Search = text, Top = PageSize, Count = true, OrderBy = Sort.Order, After = cursor };
        var facets = new FacetRequest(SearchChoices.Facets.Select(f => f.Field).ToList(),
            selected.Where(s => s.Value.Count > 0).ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value));
        try
        {
            var page = await search.SearchAsync(caller, query, facets, ct);
            Total = page.Result.Total ?? 0;
            Facets = SearchChoices.Facets.Select(f => new FacetView(f,
                page.Result.Facets.TryGetValue(f.Field, out var buckets) ? buckets : [], selected[f.Field])).ToList();
            var hits = page.Visible().ToList();
            var ids = hits.Select(h => h.Resource.Id).ToList();
            var renditions = await facts.RenditionsAsync(ids, ct);
            Cards = hits.Select(h => new Card(h.Resource, h.Hit.Highlights.GetValueOrDefault("Title"), h.Hit.Highlights.GetValueOrDefault(Highlighter.ContentField),
                h.Resource.Stats, // read with the page's rows (ResourceStates), so as counted now
                renditions[h.Resource.Id].Any(r => r.Kind == SignedMedia.Thumbnail) ? links.Url(h.Resource.Id, caller.UserId, SignedMedia.Thumbnail) : null))
                .ToList();
            InBasket = await baskets.InBasketAsync(caller, ids, ct);
            if (page.Result.Next is { } next && hits.Count > 0)
                NextUrl = With(("after", SearchCursor.Encode(next)), ("page", (PageNumber + 1).ToString()));
        }
        catch (AppError e)
        {
            Error = e.Message;
            Response.StatusCode = AppError.HttpStatusOf(e.Kind);
            Facets = SearchChoices.Facets.Select(f => new FacetView(f, [], selected[f.Field])).ToList();
        }
    }

    private List<string> Selected(string param) =>
        Request.Query[param].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct().ToList();

    /// <summary>This page's URL (first page) with some parameters replaced or removed (value null).</summary>
    public string With(params (string Key, string? Value)[] changes)
    {
        var pairs = Request.Query.Where(q => q.Key is not ("after" or "page" or "done") && changes.All(c => c.Key != q.Key))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))).ToList();
        pairs.AddRange(changes.Where(c => c.Value is not null).Select(c => new KeyValuePair<string, string?>(c.Key, c.Value)));
        return QueryHelpers.AddQueryString("/", pairs);
    }

    /// <summary>This very page (same words, filters and page) for the basket buttons to come back to.</summary>
    public string Here => QueryHelpers.AddQueryString("/", Request.Query.Where(q => q.Key != "done")
        .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v))));

    /// <summary>The same words without any facet.</summary>
    public string ClearUrl => string.IsNullOrWhiteSpace(Q) ? "/" : QueryHelpers.AddQueryString("/", "q", Q);

    /// <summary>The URL without one ticked facet value.</summary>
    public string Without(string param, string value)
    {
        var pairs = Request.Query.Where(q => q.Key is not ("after" or "page" or "done"))
            .SelectMany(q => q.Value.Where(v => !(q.Key == param && v == value)).Select(v => new KeyValuePair<string, string?>(q.Key, v)));
        return QueryHelpers.AddQueryString("/", pairs);
    }
}
