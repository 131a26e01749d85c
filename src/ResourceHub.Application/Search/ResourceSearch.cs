using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Curation;
using ResourceHub.Application.Resources;
using ResourceHub.Data;
using ResourceHub.Data.Querying;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;
using ResourceHub.Indexing;
using ResourceHub.Indexing.Documents;
using ResourceHub.Query.Model;

namespace ResourceHub.Application.Search;

/// <summary>One page of search: the index's answer and the page's resources as the database holds them now.</summary>
public sealed record SearchPage(SearchResult Result, IReadOnlyDictionary<Guid, Resource> Rows)
{
    /// <summary>The hits the caller may still see, in rank order (a hit deleted or hidden since it was indexed is left out).</summary>
    public IEnumerable<(SearchHit Hit, Resource Resource)> Visible() =>
        Result.Hits.Where(h => Rows.ContainsKey(h.Document.Id)).Select(h => (h, Rows[h.Document.Id]));
}

/// <summary>
/// Searching resources for a caller. The index finds, ranks, counts and facets under the caller's
/// <see cref="VisibilityScope"/>; the page's entities are then checked against the database (same scope, see
/// <see cref="RowsAsync"/>) so callers get exactly what reading each resource returns.
/// </summary>
public sealed class ResourceSearch(ISearchIndex index, ResourceHubDbContext db, ReviewerView reviewerView)
{
    public Task<SearchPage> SearchAsync(Caller caller, EntityQuery query, FacetRequest? facets, CancellationToken ct) =>
        GuardAsync(async () =>
        {
            UploaderQueries.Check(caller, query, facets);
            var scope = VisibilityScope.For(caller);
            var result = await index.SearchAsync(new SearchRequest(query, scope, facets), ct);
            var rows = await RowsAsync(result.Hits, scope, ct);
            if (UploaderPrivacy.AppliesTo(caller)) // blind review, as on every read (only reviewers are ever masked)
                rows = (await reviewerView.MaskAsync(caller, rows.Values.ToList(), ct)).ToDictionary(r => r.Id);
            return new SearchPage(result, rows);
        });

    /// <summary>
    /// An $apply over $search grouped by the index itself (<see cref="ISearchIndex.AggregateAsync"/>): the caller's visible
    /// matches of the text, $filter and ticked facet values, however many. Null when the engine cannot express the shape
    /// (a field the index does not hold, a filter(...) step it cannot render): the caller then groups
    /// <see cref="MatchIdsAsync"/> in the database.
    /// </summary>
    public Task<ApplyResult?> GroupAsync(Caller caller, EntityQuery query, ApplyQuery apply, FacetRequest? facets, int maxGroups, CancellationToken ct) =>
        GuardAsync(() =>
        {
            UploaderQueries.Check(caller, query, facets);
            UploaderQueries.Check(caller, apply);
            var selections = facets is null ? null : new FacetRequest([], facets.Selected);
            var matches = query with { Top = null, Skip = null, After = null, Count = false, Select = [], Expand = [] };
            return index.AggregateAsync(new AggregateRequest(new SearchRequest(matches, VisibilityScope.For(caller), selections), apply, maxGroups), ct);
        });

    /// <summary>The most matches an $apply over $search groups in the database; more is a 400 (narrow the search or filter).</summary>
    public const int MaxGroupedMatches = 10_000;

    /// <summary>
    /// The ids of every match of $search, $filter and ticked facet values the caller may see, page by page through the
    /// index (so both engines serve it alike); the database then groups them. More than <see cref="MaxGroupedMatches"/>
    /// is refused rather than read.
    /// </summary>
    public Task<IReadOnlyList<Guid>> MatchIdsAsync(Caller caller, EntityQuery query, FacetRequest? facets, CancellationToken ct) =>
        GuardAsync<IReadOnlyList<Guid>>(async () =>
        {
            UploaderQueries.Check(caller, query, facets);
            var scope = VisibilityScope.For(caller);
            var selections = facets is null ? null : new FacetRequest([], facets.Selected);
            var page = query with { Top = SearchRequest.MaxPageSize, Skip = null, After = null, Count = false, Select = [], Expand = [] };
            var ids = new List<Guid>();
            while (true)
            {
                var result = await index.SearchAsync(new SearchRequest(page, scope, selections), ct);
                ids.AddRange(result.Hits.Select(h => h.Document.Id));
                if (ids.Count > MaxGroupedMatches)
                    throw AppError.BadRequest(
                        $"与 $search 同用时 $apply 最多统计 {MaxGroupedMatches} 条匹配，请缩小搜索或筛选范围 ($apply over $search groups at most {MaxGroupedMatches} matches)", "$apply");
                if (result.Next is null || result.Hits.Count == 0)
                    return ids.Distinct().ToList();
                page = page with { After = result.Next };
            }
        });

    public Task<long> CountAsync(Caller caller, EntityQuery query, FacetRequest? facets, CancellationToken ct) =>
        GuardAsync(() =>
        {
            UploaderQueries.Check(caller, query, facets);
            return index.CountAsync(new SearchRequest(query, VisibilityScope.For(caller), facets), ct);
        });

    public Task<IReadOnlyList<Suggestion>> SuggestAsync(Caller caller, string prefix, int top, CancellationToken ct)
    {
        prefix = prefix.Trim('\'', ' ');
        if (prefix.Length == 0)
            throw AppError.BadRequest("需要 prefix 参数 (prefix is required)", "prefix");
        return GuardAsync(() => index.SuggestAsync(new SuggestRequest(prefix, VisibilityScope.For(caller), top), ct));
    }

    private static async Task<T> GuardAsync<T>(Func<Task<T>> search)
    {
        try
        {
            return await search();
        }
        catch (SearchQueryException e)
        {
            throw AppError.BadRequest(e.Message);
        }
        catch (SearchUnavailableException e)
        {
            throw new AppError(AppErrorKind.Unavailable, $"搜索服务暂不可用，请稍后重试 (the search index is unavailable: {e.Message})",
                code: "SearchUnavailable");
        }
    }

    /// <summary>
    /// The page's resources as the database holds them now. A stored document is shown as stored while its Version
    /// and the fields visibility depends on still equal the database's, so most pages cost one narrow read instead
    /// of every row; the others are read in full. The caller's scope is checked against the database's values
    /// (<see cref="VisibilityScope.Allows"/>, the rule the SQL form states) even if a write skipped the Version:
    /// a row changed since it was indexed is shown only to those who may see it now, and as it is now.
    /// The changed rows' ids go as one array parameter (EF.Parameter), so EF reuses its SQL. (Not EF compiled
    /// queries: one compiles for the first provider it meets, and tests run SQLite and PostgreSQL in one process.)
    /// </summary>
    private async Task<Dictionary<Guid, Resource>> RowsAsync(IReadOnlyList<SearchHit> hits, VisibilityScope scope, CancellationToken ct)
    {
        var current = await ResourceStates.ReadAsync(db, hits.Select(h => h.Document.Id).ToList(), ct);
        var rows = new List<Resource>();
        var changed = new List<Guid>();
        foreach (var hit in hits)
        {
            if (!current.TryGetValue(hit.Document.Id, out var now))
                continue; // deleted since it was indexed
            if (IsCurrent(hit.Document, now) && SearchDocumentBuilder.ForDisplay(hit.Document, now.DurationSeconds, now.Stats) is { } stored)
                rows.Add(stored);
            else
                changed.Add(now.Id);
        }
        if (changed.Count > 0)
            rows.AddRange(await db.Resources.AsNoTracking().Include(r => r.Stats).Where(r => EF.Parameter(changed).Contains(r.Id)).ToListAsync(ct));
        return rows.Where(scope.Allows).ToDictionary(r => r.Id);
    }

    /// <summary>Still the database's version, with the same fields visibility depends on (a write may skip the Version).</summary>
    private static bool IsCurrent(SearchDocument d, ResourceState now) =>
        now.Version == d.Version && now.Status == d.Status && now.OwnerOrg == d.OwnerOrg
        && now.CreatedBy == d.CreatedBy && now.Subject == d.Subject;
}
