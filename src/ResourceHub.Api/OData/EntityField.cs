using System.Linq.Expressions;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.OData;

/// <summary>
/// One property of an entity as the API exposes it: its EDM type, how to read it from the domain
/// object, and whether queries may use it. EDM, query whitelist, EF query mapping and serializer
/// all come from this. Access is an expression so EF Core can translate it; Get is its compiled form.
/// </summary>
public sealed record EntityField<T>(string Name, FieldType Type, Expression<Func<T, object?>> Access, bool Nullable = false,
    bool Filterable = true, bool Sortable = true)
{
    private Func<T, object?>? _get;

    public Func<T, object?> Get => _get ??= Access.Compile();

    public QueryField ToQueryField() => new(Name, Type, Filterable, Sortable && Type != FieldType.StringCollection, Nullable);
}
