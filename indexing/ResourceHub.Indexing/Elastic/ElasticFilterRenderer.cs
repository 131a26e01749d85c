using System.Globalization;
using System.Text.Json;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.QueryDsl;
using EsQuery = Elastic.Clients.Elasticsearch.QueryDsl.Query;
using ResourceHub.Domain.Access;
using ResourceHub.Indexing.Documents;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Elastic;

/// <summary>
/// Renders the query model's filter and the visibility scope to the client's typed query clauses (for
/// bool.filter: no scoring). What the engine cannot express exactly (length(), month(), all(),
/// any() with 'and'/'not' inside) is refused with a clear message instead of answered approximately.
/// </summary>
public static class ElasticFilterRenderer
{
    public static EsQuery MatchAll() => new MatchAllQuery();
    public static EsQuery MatchNone() => new MatchNoneQuery();

    public static EsQuery Visibility(VisibilityScope scope)
    {
        if (scope.All)
            return MatchAll();
        var should = new List<EsQuery>();
        if (scope.PublicStatuses.Count > 0)
            should.Add(Terms("status", scope.PublicStatuses));
        if (scope.OwnerOrgs.Count > 0)
            should.Add(Terms("owner_org", scope.OwnerOrgs));
        if (scope.CreatedBy is not null)
            should.Add(Term("created_by", scope.CreatedBy));
        if (scope.ReviewSubjects.Count > 0 && scope.ReviewStatuses.Count > 0)
            should.Add(Bool("filter", Terms("subject", scope.ReviewSubjects), Terms("status", scope.ReviewStatuses)));
        if (should.Count == 0)
            return MatchNone();
        return new BoolQuery { Should = should, MinimumShouldMatch = 1 };
    }

    public static EsQuery Render(FilterNode? node) => node is null ? MatchAll() : Node(node, null);

    public static EsQuery Selection(SearchField field, IReadOnlyList<string> values) => Terms(field.Column, values);

    private static EsQuery Node(FilterNode node, SearchField? collection) => node switch
    {
        LogicalNode { Operator: LogicalOperator.And } l => Bool("filter", Node(l.Left, collection), Node(l.Right, collection)),
        LogicalNode l => Or(Node(l.Left, collection), Node(l.Right, collection)),
        NotNode n => Bool("must_not", Node(n.Operand, collection)),
        ConstantNode c => c.Value ? MatchAll() : MatchNone(),
        CompareNode c => Compare(c, collection),
        InNode i => InValues(i, collection),
        TextMatchNode t => TextMatch(t, collection),
        CollectionNode c => Collection(c),
        _ => throw new SearchQueryException($"搜索不支持此条件 (unsupported filter node {node.GetType().Name})"),
    };

    private static EsQuery Compare(CompareNode c, SearchField? collection)
    {
        var (field, column) = Target(c.Field, collection);
        if (c.Field.Function is FieldFunction.Year or FieldFunction.Date)
            return Interval(column, c);
        CheckCaseFunction(c.Field);
        if (c.Value is null)
            return c.Operator switch
            {
                CompareOperator.Eq => Bool("must_not", Exists(column)),
                CompareOperator.Ne => Exists(column),
                _ => MatchNone(),
            };
        var value = Value(c.Value, field);
        var caseInsensitive = c.Field.Function is FieldFunction.ToLower or FieldFunction.ToUpper;
        return c.Operator switch
        {
            CompareOperator.Eq => Term(column, value, caseInsensitive),
            CompareOperator.Ne => Bool("must_not", Term(column, value, caseInsensitive)),
            _ when caseInsensitive => throw Unsupported("tolower/toupper with range comparisons"),
            CompareOperator.Gt => Range(column, "gt", value),
            CompareOperator.Ge => Range(column, "gte", value),
            CompareOperator.Lt => Range(column, "lt", value),
            _ => Range(column, "lte", value),
        };
    }

    private static EsQuery InValues(InNode i, SearchField? collection)
    {
        var (field, column) = Target(i.Field, collection);
        CheckCaseFunction(i.Field);
        if (i.Field.Function is FieldFunction.ToLower or FieldFunction.ToUpper)
            return Or(i.Values.Select(v => Term(column, Value(v, field), true)).ToArray());
        return new TermsQuery(column, new TermsQueryField(i.Values.Select(v => Value(v, field)).ToArray()));
    }

    private static EsQuery TextMatch(TextMatchNode t, SearchField? collection)
    {
        var (_, column) = Target(t.Field, collection);
        CheckCaseFunction(t.Field);
        var caseInsensitive = t.Field.Function is FieldFunction.ToLower or FieldFunction.ToUpper;
        var escaped = t.Value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("*", "\\*", StringComparison.Ordinal).Replace("?", "\\?", StringComparison.Ordinal);
        bool? flag = caseInsensitive ? true : null;
        return t.Operator switch
        {
            TextOperator.StartsWith => new PrefixQuery(column, t.Value) { CaseInsensitive = flag },
            TextOperator.EndsWith => new WildcardQuery(column) { Value = "*" + escaped, CaseInsensitive = flag },
            _ => new WildcardQuery(column) { Value = "*" + escaped + "*", CaseInsensitive = flag },
        };
    }

    private static EsQuery Collection(CollectionNode c)
    {
        var field = SearchFields.Get(c.Collection.Name);
        if (!field.IsCollection)
            throw new SearchQueryException($"{field.Name} 不是集合 (any/all need a collection field)");
        if (c.Quantifier == Quantifier.All)
            throw Unsupported("all()");
        if (c.Predicate is null)
            return Exists(field.Column);
        CheckElementPredicate(c.Predicate);
        return Node(c.Predicate, field);
    }

    // ES matches each condition against any element separately, so only disjunctions of element
    // tests keep OData's "one element satisfies all of it" meaning.
    private static void CheckElementPredicate(FilterNode node)
    {
        switch (node)
        {
            case LogicalNode { Operator: LogicalOperator.Or } l:
                CheckElementPredicate(l.Left);
                CheckElementPredicate(l.Right);
                break;
            case CompareNode { Operator: CompareOperator.Eq } or InNode or TextMatchNode:
                break;
            default:
                throw Unsupported("any() with and/not/ne/range inside");
        }
    }

    private static (SearchField? Field, string Column) Target(FieldRef field, SearchField? collection)
    {
        if (field.IsElement)
            return collection is null
                ? throw new SearchQueryException("集合元素只能在 any/all 中使用 (element outside any/all)")
                : (null, collection.Column);
        var f = SearchFields.Get(field.Name);
        if (f.IsCollection)
            throw new SearchQueryException($"{f.Name} 是集合，请用 any() (compare collection elements with any/all)");
        return (f, f == SearchFields.Title ? "title.raw" : f.Column);
    }

    private static void CheckCaseFunction(FieldRef field)
    {
        if (field.Function is FieldFunction.Length or FieldFunction.Month or FieldFunction.Day)
            throw Unsupported(field.Function.ToString().ToLowerInvariant() + "()");
    }

    /// <summary>year(x)/date(x) compared to a value: the value's [start, end) interval as a range.</summary>
    private static EsQuery Interval(string column, CompareNode c)
    {
        var (start, end) = c.Field.Function == FieldFunction.Year
            ? (new DateTime(Convert.ToInt32(c.Value, CultureInfo.InvariantCulture), 1, 1), new DateTime(Convert.ToInt32(c.Value, CultureInfo.InvariantCulture) + 1, 1, 1))
            : c.Value switch
            {
                DateOnly d => (d.ToDateTime(TimeOnly.MinValue), d.ToDateTime(TimeOnly.MinValue).AddDays(1)),
                _ => throw new SearchQueryException("date() 需要日期值 (date() compares to a date literal)"),
            };
        string s = ElasticDocuments.Date(start), e = ElasticDocuments.Date(end);
        EsQuery within = new UntypedRangeQuery(column) { Gte = s, Lt = e };
        return c.Operator switch
        {
            CompareOperator.Eq => within,
            CompareOperator.Ne => Bool("must_not", within),
            CompareOperator.Gt => Range(column, "gte", e),
            CompareOperator.Ge => Range(column, "gte", s),
            CompareOperator.Lt => Range(column, "lt", s),
            _ => Range(column, "lt", e),
        };
    }

    private static FieldValue Value(object? value, SearchField? field) => value switch
    {
        null => FieldValue.Null,
        DateTimeOffset d => ElasticDocuments.Date(d.UtcDateTime),
        DateTime d => ElasticDocuments.Date(d),
        Guid g => g.ToString("D"),
        string s => field?.Type is FieldType.Double or FieldType.Int64 ? throw new SearchQueryException($"{field.Name} 需要数值 (number expected)") : s,
        bool b => b,
        int i => i,
        long l => l,
        double d => d,
        decimal m => (double)m,
        JsonElement e => Element(e),
        _ => throw new SearchQueryException($"不支持的值 {value} (unsupported value type {value.GetType().Name})"),
    };

    private static FieldValue Element(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when e.TryGetInt64(out var l) => l,
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.Null => FieldValue.Null,
        _ => throw new SearchQueryException($"不支持的值 {e} (unsupported value {e.ValueKind})"),
    };

    private static EsQuery Term(string column, FieldValue value, bool caseInsensitive = false) =>
        new TermQuery(column, value) { CaseInsensitive = caseInsensitive ? true : null };

    private static EsQuery Terms(string column, IEnumerable<string> values) =>
        new TermsQuery(column, new TermsQueryField(values.Select(FieldValue.String).ToArray()));

    private static EsQuery Range(string column, string op, FieldValue value)
    {
        var range = new UntypedRangeQuery(column);
        var bound = value.Value!;
        switch (op)
        {
            case "gt": range.Gt = bound; break;
            case "gte": range.Gte = bound; break;
            case "lt": range.Lt = bound; break;
            default: range.Lte = bound; break;
        }
        return range;
    }

    private static EsQuery Exists(string column) => new ExistsQuery(column);

    public static EsQuery Bool(string occur, params EsQuery[] clauses) => occur switch
    {
        "filter" => new BoolQuery { Filter = clauses },
        "must_not" => new BoolQuery { MustNot = clauses },
        _ => throw new ArgumentOutOfRangeException(nameof(occur)),
    };

    private static EsQuery Or(params EsQuery[] clauses) => new BoolQuery { Should = clauses, MinimumShouldMatch = 1 };

    private static SearchQueryException Unsupported(string what) =>
        new($"Elasticsearch 搜索不支持 {what} (not supported by the search index; drop $search to filter in the database)");
}
