namespace ResourceHub.Query.Model;

/// <summary>The whitelist of fields of one entity type; anything else is rejected with a clear error.</summary>
public sealed class QuerySchema
{
    private readonly Dictionary<string, QueryField> _fields;

    public QuerySchema(string entityType, string keyField, IEnumerable<QueryField> fields)
    {
        EntityType = entityType;
        KeyField = keyField;
        // URLs are case-insensitive for property names (OData 4.01); canonical spelling is kept.
        _fields = fields.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        if (!_fields.ContainsKey(keyField))
            throw new ArgumentException($"key field {keyField} is not among the fields of {entityType}");
    }

    public string EntityType { get; }
    public string KeyField { get; }
    public IEnumerable<QueryField> Fields => _fields.Values;

    public QueryField? Find(string name) => _fields.GetValueOrDefault(name);
}
