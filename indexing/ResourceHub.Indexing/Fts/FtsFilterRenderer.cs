using ResourceHub.Domain.Access;
using ResourceHub.Indexing.Documents;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Fts;

/// <summary>Renders the query model's filter and the visibility scope to SQL over the document table.</summary>
internal sealed class FtsFilterRenderer(SqlBuilder sql, string alias)
{
    private const string Element = "e.value";

    public string Render(FilterNode? node) => node is null ? "1=1" : Node(node, null);

    public string Visibility(VisibilityScope scope)
    {
        if (scope.All)
            return "1=1";
        var clauses = new List<string>();
        if (scope.PublicStatuses.Count > 0)
            clauses.Add($"{alias}.status IN ({sql.AddList(scope.PublicStatuses)})");
        if (scope.OwnerOrgs.Count > 0)
            clauses.Add($"{alias}.owner_org IN ({sql.AddList(scope.OwnerOrgs)})");
        if (scope.CreatedBy is not null)
            clauses.Add($"{alias}.created_by = {sql.Add(scope.CreatedBy)}");
        if (scope.ReviewSubjects.Count > 0 && scope.ReviewStatuses.Count > 0)
            clauses.Add($"({alias}.subject IN ({sql.AddList(scope.ReviewSubjects)}) AND {alias}.status IN ({sql.AddList(scope.ReviewStatuses)}))");
        return clauses.Count == 0 ? "1=0" : "(" + string.Join(" OR ", clauses) + ")";
    }

    /// <summary>
    /// What narrows a text search beyond its words and visibility (ticked facet values, then the $filter),
    /// as conditions on the document rows; empty when the FTS match alone decides.
    /// </summary>
    public List<string> DocumentConditions(SearchRequest request)
    {
        var conditions = SortKeys.Selections(request, null).Select(s => Selection(s.Field, s.Values)).ToList();
        if (request.Query.Filter is { } filter)
            conditions.Add(Render(filter));
        return conditions;
    }

    /// <summary>Facet selections: the field holds one of the ticked values.</summary>
    public string Selection(SearchField field, IReadOnlyList<string> values) =>
        field.IsCollection
            ? $"EXISTS (SELECT 1 FROM json_each({alias}.{field.Column}) e WHERE e.value IN ({sql.AddList(values)}))"
            : $"{alias}.{field.Column} IN ({sql.AddList(values)})";

    private string Node(FilterNode node, SearchField? collection) => node switch
    {
        LogicalNode l => $"({Node(l.Left, collection)} {(l.Operator == LogicalOperator.And ? "AND" : "OR")} {Node(l.Right, collection)})",
        // SQL's NOT of unknown is unknown; OData's not(Grade eq 'x') is true for a null Grade.
        NotNode n => $"NOT coalesce({Node(n.Operand, collection)}, 0)",
        ConstantNode c => c.Value ? "1=1" : "1=0",
        CompareNode c => Compare(c, collection),
        InNode i => $"{Operand(i.Field, collection)} IN ({sql.AddList(i.Values.Select(FtsValues.ToDb))})",
        TextMatchNode t => TextMatch(t, collection),
        CollectionNode c => Collection(c),
        _ => throw new SearchQueryException($"搜索不支持此条件 (unsupported filter node {node.GetType().Name})"),
    };

    private string Compare(CompareNode c, SearchField? collection)
    {
        var left = Operand(c.Field, collection);
        if (c.Value is null)
            return c.Operator switch
            {
                CompareOperator.Eq => $"{left} IS NULL",
                CompareOperator.Ne => $"{left} IS NOT NULL",
                _ => "1=0",
            };
        var right = sql.Add(FtsValues.ToDb(c.Value));
        return c.Operator switch
        {
            CompareOperator.Eq => $"{left} = {right}",
            // IS NOT is SQLite's null-safe inequality: a null Grade is "not 'x'", as in OData.
            CompareOperator.Ne => $"{left} IS NOT {right}",
            CompareOperator.Gt => $"{left} > {right}",
            CompareOperator.Ge => $"{left} >= {right}",
            CompareOperator.Lt => $"{left} < {right}",
            _ => $"{left} <= {right}",
        };
    }

    private string TextMatch(TextMatchNode t, SearchField? collection)
    {
        var left = Operand(t.Field, collection);
        var value = sql.Add(t.Value);
        return t.Operator switch
        {
            TextOperator.Contains => $"instr({left}, {value}) > 0",
            TextOperator.StartsWith => $"substr({left}, 1, length({value})) = {value}",
            _ => $"substr({left}, -length({value})) = {value}",
        };
    }

    private string Collection(CollectionNode c)
    {
        var field = SearchFields.Get(c.Collection.Name);
        if (!field.IsCollection)
            throw new SearchQueryException($"{field.Name} 不是集合 (any/all need a collection field)");
        var column = $"{alias}.{field.Column}";
        if (c.Predicate is null)
            return c.Quantifier == Quantifier.Any ? $"json_array_length({column}) > 0" : "1=1";
        var predicate = Node(c.Predicate, field);
        return c.Quantifier == Quantifier.Any
            ? $"EXISTS (SELECT 1 FROM json_each({column}) e WHERE {predicate})"
            : $"NOT EXISTS (SELECT 1 FROM json_each({column}) e WHERE NOT coalesce({predicate}, 0))";
    }

    private string Operand(FieldRef field, SearchField? collection)
    {
        string column;
        if (field.IsElement)
        {
            if (collection is null)
                throw new SearchQueryException("集合元素只能在 any/all 中使用 (element outside any/all)");
            column = Element;
        }
        else
        {
            var f = SearchFields.Get(field.Name);
            if (f.IsCollection)
                throw new SearchQueryException($"{f.Name} 是集合，请用 any() (compare collection elements with any/all)");
            column = $"{alias}.{f.Column}";
        }
        return field.Function switch
        {
            FieldFunction.None => column,
            FieldFunction.ToLower => $"lower({column})",
            FieldFunction.ToUpper => $"upper({column})",
            FieldFunction.Length => $"length({column})",
            FieldFunction.Year => $"CAST(substr({column}, 1, 4) AS INTEGER)",
            FieldFunction.Month => $"CAST(substr({column}, 6, 2) AS INTEGER)",
            FieldFunction.Day => $"CAST(substr({column}, 9, 2) AS INTEGER)",
            _ => $"substr({column}, 1, 10)",
        };
    }
}
