using ResourceHub.Indexing.Documents;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing;

/// <param name="DidYouMean">The corrected text when typo correction changed what was searched (您是不是要找：平行四边形).</param>
/// <param name="SuggestedFacets">Facet values the query's grade, stage, subject and kind words point at.</param>
public sealed record SearchResult(
    IReadOnlyList<SearchHit> Hits,
    long? Total,
    IReadOnlyDictionary<string, IReadOnlyList<FacetBucket>> Facets,
    KeysetPosition? Next,
    string? DidYouMean = null,
    IReadOnlyList<Understanding.FieldBoost>? SuggestedFacets = null);

/// <summary>Highlights: field name (Title, Description) → text with matches wrapped in &lt;em&gt;…&lt;/em&gt;.</summary>
public sealed record SearchHit(SearchDocument Document, double Score, IReadOnlyDictionary<string, string> Highlights);

/// <summary>A facet value with its Chinese name (null for free values such as tags) and count.</summary>
public sealed record FacetBucket(string Code, string? Name, long Count);

public sealed record Suggestion(Guid Id, string Title);

/// <summary>Outcome of a bulk write, item by item: a batch counts as done only when nothing failed.</summary>
public sealed record BulkResult(int Succeeded, IReadOnlyList<BulkFailure> Failures)
{
    public bool AllSucceeded => Failures.Count == 0;
    public static BulkResult Ok(int count) => new(count, []);
}

public sealed record BulkFailure(Guid Id, int Status, string Reason);
