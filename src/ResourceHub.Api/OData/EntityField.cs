using ResourceHub.Query.Model;

namespace ResourceHub.Api.OData;

/// <summary>
/// One property of an entity as the API exposes it: its EDM type, how to read it from the domain
/// object, and whether queries may use it. EDM, query whitelist and serializer all come from this.
/// </summary>
public sealed record EntityField<T>(string Name, FieldType Type, Func<T, object?> Get, bool Nullable = false,
    bool Filterable = true, bool Sortable = true)
{
    public QueryField ToQueryField() => new(Name, Type, Filterable, Sortable && Type != FieldType.StringCollection);
}
