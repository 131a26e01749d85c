using ResourceHub.Indexing.Documents;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing;

/// <summary>
/// An $apply over the matches of a search: <see cref="Search"/> says what matches (text, $filter, ticked facet values,
/// the caller's scope; its paging is ignored), <see cref="Apply"/> how to group them. At most <see cref="MaxGroups"/>
/// groups are returned (fewer when $top asks for fewer); <see cref="ApplyResult.More"/> says whether more exist.
/// </summary>
public sealed record AggregateRequest(SearchRequest Search, ApplyQuery Apply, int MaxGroups);

/// <summary>Which $apply shapes an index can group itself: every field it reads must be a field the index holds.</summary>
public static class SearchAggregates
{
    /// <summary>Why the index cannot group <paramref name="apply"/> (a field it does not hold, or holds only as of its last
    /// stats refresh), or null when it can.</summary>
    public static string? Unservable(ApplyQuery apply)
    {
        foreach (var name in apply.GroupBy)
            if (Held(name) is not { IsCollection: false })
                return $"groupby {name}";
        foreach (var a in apply.Aggregates.Where(a => a.Field is not null))
            if (Held(a.Field!) is not { IsCollection: false })
                return $"{a.Method.ToString().ToLowerInvariant()} of {a.Field}";
        return FilterFields.Of(apply.Filter).FirstOrDefault(f => Held(f) is null) is { } missing ? $"filter on {missing}" : null;
    }

    private static SearchField? Held(string name) =>
        SearchFields.All.FirstOrDefault(f => !f.Refreshed && string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}
