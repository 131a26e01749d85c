using Microsoft.Data.Sqlite;
using ResourceHub.Indexing.Documents;

namespace ResourceHub.Indexing.Fts;

/// <summary>
/// Counts every asked facet in one pass over the matches' value numbers (<see cref="FtsFacetValues"/>).
/// Multi-select: a match that meets every ticked selection counts for every facet; one that misses exactly
/// one selection still counts for that selection's own facet (which ignores its own ticks); others count nowhere.
/// </summary>
internal sealed class FtsFacetCounter
{
    private readonly IReadOnlyList<SearchField> _fields;
    private readonly int _size;
    private readonly List<(int Field, HashSet<string> Values)> _selections;

    public FtsFacetCounter(SearchRequest request, IReadOnlyList<SearchField> fields)
    {
        _fields = fields;
        _size = request.Facets?.Size ?? 0;
        _selections = SortKeys.Selections(request, null)
            .GroupBy(s => FtsFacetValues.FieldIndex(s.Field))
            .Select(g => (g.Key, g.SelectMany(s => s.Values).ToHashSet(StringComparer.Ordinal)))
            .ToList();
    }

    /// <param name="rows">Selects one column: a match's value numbers.</param>
    /// <param name="values">The snapshot to start from; the result holds the one it ended with (extended when rows held newer numbers).</param>
    public (Dictionary<string, IReadOnlyList<FacetBucket>> Facets, FtsFacetValues Values) Count(SqliteCommand rows, FtsFacetValues values,
        SqliteConnection c, SqliteTransaction tx)
    {
        var counts = new int[values.Count];
        var asked = new bool[FtsFacetValues.Fields.Count];
        foreach (var field in _fields)
            asked[FtsFacetValues.FieldIndex(field)] = true;
        var selected = SelectedNumbers(values);
        var numbers = new List<int>(16);
        FtsBlobRows.ForEach(rows, blob =>
        {
            if (FtsFacetValues.Decode(blob, numbers) > 0 && numbers.Max() >= values.Count)
            {
                values = values.Copy().Extend(c, tx);
                Array.Resize(ref counts, values.Count);
                selected = SelectedNumbers(values);
            }
            // Which facet this match counts for: every asked one (-1), one selection's own (its field), or none (-2).
            var only = -1;
            for (var s = 0; s < _selections.Count && only != -2; s++)
            {
                var met = false;
                foreach (var n in numbers)
                    met |= selected[s].Contains(n);
                if (!met)
                    only = only == -1 ? _selections[s].Field : -2;
            }
            if (only == -2)
                return;
            foreach (var n in numbers)
            {
                var field = values.FieldOf(n);
                if (asked[field] && (only == -1 || only == field))
                    counts[n]++;
            }
        });
        return (Buckets(counts, values), values);
    }

    private List<HashSet<int>> SelectedNumbers(FtsFacetValues values) =>
        _selections.Select(s => s.Values.Select(v => values.NumberOf(s.Field, v)).OfType<int>().ToHashSet()).ToList();

    private Dictionary<string, IReadOnlyList<FacetBucket>> Buckets(int[] counts, FtsFacetValues values)
    {
        var byField = FtsFacetValues.Fields.Select(_ => new List<int>()).ToList();
        for (var n = 1; n < counts.Length; n++)
            if (counts[n] > 0)
                byField[values.FieldOf(n)].Add(n);
        return _fields.ToDictionary(f => f.Name, f => (IReadOnlyList<FacetBucket>)byField[FtsFacetValues.FieldIndex(f)]
            .OrderByDescending(n => counts[n]).ThenBy(values.ValueOf, StringComparer.Ordinal)
            .Take(_size)
            .Select(n => new FacetBucket(values.ValueOf(n), f.Names?.NameOf(values.ValueOf(n)), counts[n]))
            .ToList());
    }
}
