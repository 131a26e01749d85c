namespace ResourceHub.Query.Model;

/// <summary>The names of the fields a filter reads (not the any/all element), for rules about which fields a caller may query.</summary>
public static class FilterFields
{
    public static IEnumerable<string> Of(FilterNode? node) => node switch
    {
        LogicalNode l => Of(l.Left).Concat(Of(l.Right)),
        NotNode n => Of(n.Operand),
        CompareNode c => Named(c.Field),
        InNode i => Named(i.Field),
        TextMatchNode t => Named(t.Field),
        CollectionNode c => Named(c.Collection).Concat(Of(c.Predicate)),
        _ => [],
    };

    private static IEnumerable<string> Named(FieldRef field) => field.IsElement ? [] : [field.Name];
}
