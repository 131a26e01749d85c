using Microsoft.Data.Sqlite;

namespace ResourceHub.Indexing.Fts;

/// <summary>Collects parameters while SQL text is assembled, so user values never enter the text.</summary>
internal sealed class SqlBuilder
{
    private readonly List<(string Name, object? Value)> _parameters = [];

    public string Add(object? value)
    {
        var name = "@p" + _parameters.Count;
        _parameters.Add((name, value ?? DBNull.Value));
        return name;
    }

    public string AddList(IEnumerable<object?> values) => string.Join(", ", values.Select(Add));

    public void ApplyTo(SqliteCommand command)
    {
        foreach (var (name, value) in _parameters)
            command.Parameters.AddWithValue(name, value);
    }
}
