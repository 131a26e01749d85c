namespace ResourceHub.Query.Model;

/// <summary>
/// One field a client may name in $filter/$orderby/$select. Name is the public (EDM) name;
/// what it maps to is each backend's business. Nullable fields sort lowest (OData: null is less
/// than any value) on every backend.
/// </summary>
public sealed record QueryField(string Name, FieldType Type, bool Filterable = true, bool Sortable = true, bool Nullable = false)
{
    public bool IsCollection => Type == FieldType.StringCollection;
}
