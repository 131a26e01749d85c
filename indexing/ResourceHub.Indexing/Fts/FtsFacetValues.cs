using Microsoft.Data.Sqlite;
using ResourceHub.Indexing.Documents;

namespace ResourceHub.Indexing.Fts;

/// <summary>
/// The facet values of one generation, numbered: facet_values_N maps (field, value) to a small integer and
/// facets_N holds each document's numbers as varints, so a facet pass reads a few bytes per match instead
/// of the document row and its JSON arrays. Numbers are only ever added within a generation, so a snapshot
/// stays valid and is extended when a pass meets a number it does not know yet.
/// </summary>
internal sealed class FtsFacetValues
{
    /// <summary>Every facet field, in a fixed order; a value's field is its position here.</summary>
    public static readonly IReadOnlyList<SearchField> Fields = SearchFields.All.Where(f => f.Facet).ToList();

    private readonly List<int> _field = [0];        // by number; 0 is never used (ids start at 1)
    private readonly List<string> _value = [""];
    private readonly Dictionary<(int Field, string Value), int> _numbers = [];

    private FtsFacetValues(long generation) => Generation = generation;

    public long Generation { get; }
    public int Count => _field.Count;

    public int FieldOf(int number) => _field[number];
    public string ValueOf(int number) => _value[number];
    public int? NumberOf(int field, string value) => _numbers.TryGetValue((field, value), out var n) ? n : null;

    public static int FieldIndex(SearchField field)
    {
        for (var i = 0; i < Fields.Count; i++)
            if (Fields[i] == field)
                return i;
        throw new ArgumentException($"{field.Name} is not a facet field", nameof(field));
    }

    public static FtsFacetValues Load(SqliteConnection c, SqliteTransaction? tx, long generation) =>
        new FtsFacetValues(generation).Extend(c, tx);

    /// <summary>Reads the numbers added since this snapshot was taken.</summary>
    public FtsFacetValues Extend(SqliteConnection c, SqliteTransaction? tx)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT id, field, value FROM {FtsSchema.FacetValues(Generation)} WHERE id >= @from ORDER BY id";
        cmd.Parameters.AddWithValue("@from", Count);
        using var reader = cmd.ExecuteReader();
        while (reader.Read())
            Add(checked((int)reader.GetInt64(0)), reader.GetInt32(1), reader.GetString(2));
        return this;
    }

    /// <summary>A copy that can be extended without changing this snapshot, which concurrent passes may be reading.</summary>
    public FtsFacetValues Copy()
    {
        var copy = new FtsFacetValues(Generation);
        for (var n = 1; n < Count; n++)
            copy.Add(n, _field[n], _value[n]);
        return copy;
    }

    /// <summary>The document's facet values as numbers (varints), adding unknown values to the table.</summary>
    public byte[] Encode(SearchDocument d, Func<int, string, int> insert)
    {
        var bytes = new List<byte>(24);
        for (var field = 0; field < Fields.Count; field++)
            foreach (var value in Values(Fields[field], d))
            {
                var number = NumberOf(field, value) ?? Add(insert(field, value), field, value);
                for (var n = (uint)number; ; n >>= 7)
                {
                    if (n < 0x80)
                    {
                        bytes.Add((byte)n);
                        break;
                    }
                    bytes.Add((byte)(n | 0x80));
                }
            }
        return [.. bytes];
    }

    /// <summary>Reads the numbers of <see cref="Encode"/> into <paramref name="numbers"/>; returns how many.</summary>
    public static int Decode(ReadOnlySpan<byte> bytes, List<int> numbers)
    {
        numbers.Clear();
        var number = 0;
        var shift = 0;
        foreach (var b in bytes)
        {
            number |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                numbers.Add(number);
                number = 0;
                shift = 0;
            }
            else
                shift += 7;
        }
        return numbers.Count;
    }

    private int Add(int number, int field, string value)
    {
        while (_field.Count <= number)
        {
            _field.Add(-1);
            _value.Add("");
        }
        _field[number] = field;
        _value[number] = value;
        _numbers[(field, value)] = number;
        return number;
    }

    private static IEnumerable<string> Values(SearchField field, SearchDocument d) => field.Name switch
    {
        "Kind" => [d.Kind],
        "Subject" => [d.Subject],
        "Stage" => [d.Stage],
        "Grade" => d.Grade is null ? [] : [d.Grade],
        "Topics" => d.Topics.Distinct(),
        "Tags" => d.Tags.Distinct(),
        "Status" => [d.Status],
        "RecommendationLevel" => d.RecommendationLevel is null ? [] : [d.RecommendationLevel],
        "OwnerOrg" => [d.OwnerOrg],
        _ => throw new InvalidOperationException($"facet field {field.Name} has no document value"),
    };
}
