using System.Text;
using System.Text.Json;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using ResourceHub.Api.OData;
using ResourceHub.Query.Model;
using ODataInNode = Microsoft.OData.UriParser.InNode;
using ODataConstantNode = Microsoft.OData.UriParser.ConstantNode;

namespace ResourceHub.Api.Search;

/// <summary>
/// STOP-GAP until merge: builds the <see cref="EntityQuery"/> for search requests from the URL. The
/// OData engineer's shared translator (wt-odata) replaces <see cref="Read"/> at merge; only the
/// $skiptoken cursor encoding (<see cref="EncodeCursor"/>) belongs to search and stays. It covers what
/// search needs: $search, $top, $count, $skiptoken, $orderby on plain properties, and $filter with
/// and/or/not, comparisons, in, contains/startswith/endswith, tolower/toupper, year/date, any().
/// </summary>
public static class SearchQueryReader
{
    public static EntityQuery Read(HttpRequest request, ODataUriParser parser)
    {
        try
        {
            return new EntityQuery
            {
                Search = Raw(request, "search"),
                Top = parser.ParseTop() is { } top ? (int)Math.Min(top, int.MaxValue) : null,
                Count = parser.ParseCount() ?? false,
                Filter = parser.ParseFilter() is { } filter ? Node(filter.Expression) : null,
                OrderBy = OrderBy(parser.ParseOrderBy()),
                After = Raw(request, "skiptoken") is { } token ? DecodeCursor(token) : null,
            };
        }
        catch (ODataException e)
        {
            throw ODataProblem.BadRequest(e.Message);
        }
    }

    /// <summary>The value of $name (or name, OData 4.01), or null.</summary>
    public static string? Raw(HttpRequest request, string name) =>
        request.Query.TryGetValue("$" + name, out var v) || request.Query.TryGetValue(name, out v) ? v.ToString() : null;

    public static string EncodeCursor(KeysetPosition position) =>
        Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(position.Values)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static KeysetPosition DecodeCursor(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var values = JsonSerializer.Deserialize<List<JsonElement>>(Encoding.UTF8.GetString(Convert.FromBase64String(base64)))!;
            return new KeysetPosition(values.Select(v => (object?)v).ToList());
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw ODataProblem.BadRequest("无效的 $skiptoken (the $skiptoken is not one this service issued)", "$skiptoken");
        }
    }

    private static List<OrderBy> OrderBy(OrderByClause? clause)
    {
        var list = new List<OrderBy>();
        for (; clause is not null; clause = clause.ThenBy)
        {
            if (clause.Expression is not SingleValuePropertyAccessNode p)
                throw ODataProblem.BadRequest("搜索时 $orderby 只支持属性 ($orderby with $search takes plain properties)", "$orderby");
            list.Add(new OrderBy(p.Property.Name, clause.Direction == OrderByDirection.Descending));
        }
        return list;
    }

    private static FilterNode Node(QueryNode node) => node switch
    {
        ConvertNode c => Node(c.Source),
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or } b =>
            new LogicalNode(b.OperatorKind == BinaryOperatorKind.And ? LogicalOperator.And : LogicalOperator.Or, Node(b.Left), Node(b.Right)),
        BinaryOperatorNode b => new CompareNode(Field(b.Left), Compare(b.OperatorKind), Constant(b.Right)),
        UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } u => new NotNode(Node(u.Operand)),
        ODataConstantNode { Value: bool value } => new Query.Model.ConstantNode(value),
        ODataInNode i => new Query.Model.InNode(Field(i.Left),
            ((CollectionConstantNode)i.Right).Collection.Select(c => Constant(c) ?? throw Unsupported("null in 'in'")).ToList()),
        SingleValueFunctionCallNode { Name: "contains" or "startswith" or "endswith" } f => new TextMatchNode(
            Field(f.Parameters.First()),
            f.Name switch { "contains" => TextOperator.Contains, "startswith" => TextOperator.StartsWith, _ => TextOperator.EndsWith },
            Constant(f.Parameters.Last()) as string ?? throw Unsupported(f.Name + " needs a string")),
        AnyNode a => new Query.Model.CollectionNode(Collection(a.Source), Quantifier.Any, a.Body is ODataConstantNode { Value: true } ? null : Node(a.Body)),
        AllNode a => new Query.Model.CollectionNode(Collection(a.Source), Quantifier.All, Node(a.Body)),
        _ => throw Unsupported(node.Kind.ToString()),
    };

    private static FieldRef Field(QueryNode node) => node switch
    {
        ConvertNode c => Field(c.Source),
        SingleValuePropertyAccessNode p => new FieldRef(p.Property.Name, FieldType.String),
        NonResourceRangeVariableReferenceNode => FieldRef.Element(),
        SingleValueFunctionCallNode f => Field(f.Parameters.First()) with { Function = Function(f.Name) },
        _ => throw Unsupported(node.Kind.ToString()),
    };

    private static FieldRef Collection(QueryNode node) => node is CollectionPropertyAccessNode c
        ? new FieldRef(c.Property.Name, FieldType.StringCollection)
        : throw Unsupported(node.Kind.ToString());

    private static FieldFunction Function(string name) => name switch
    {
        "tolower" => FieldFunction.ToLower,
        "toupper" => FieldFunction.ToUpper,
        "length" => FieldFunction.Length,
        "year" => FieldFunction.Year,
        "month" => FieldFunction.Month,
        "day" => FieldFunction.Day,
        "date" => FieldFunction.Date,
        _ => throw Unsupported(name + "()"),
    };

    private static object? Constant(QueryNode node) => node switch
    {
        ConvertNode c => Constant(c.Source),
        ODataConstantNode { Value: Microsoft.OData.Edm.Date d } => new DateOnly(d.Year, d.Month, d.Day),
        ODataConstantNode c => c.Value,
        _ => throw Unsupported(node.Kind.ToString()),
    };

    private static CompareOperator Compare(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Equal => CompareOperator.Eq,
        BinaryOperatorKind.NotEqual => CompareOperator.Ne,
        BinaryOperatorKind.GreaterThan => CompareOperator.Gt,
        BinaryOperatorKind.GreaterThanOrEqual => CompareOperator.Ge,
        BinaryOperatorKind.LessThan => CompareOperator.Lt,
        BinaryOperatorKind.LessThanOrEqual => CompareOperator.Le,
        _ => throw Unsupported(kind.ToString()),
    };

    private static ODataProblem Unsupported(string what) =>
        ODataProblem.BadRequest($"搜索时 $filter 不支持 {what} ($filter construct not supported together with $search)", "$filter");
}
