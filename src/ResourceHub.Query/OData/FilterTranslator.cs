using Microsoft.OData.UriParser;
using ResourceHub.Query.Model;
using Odl = Microsoft.OData.UriParser;

namespace ResourceHub.Query.OData;

/// <summary>
/// Walks ODL's bound $filter tree and builds the query model, checking every field and operator
/// against the schema. It keeps walking after a problem so one response lists them all.
/// </summary>
internal sealed class FilterTranslator(QuerySchema schema, QueryLimits limits, IDictionary<string, SingleValueNode>? aliases,
    string target = "$filter")
{
    private readonly List<QueryError> _errors = [];
    private int _nodes;

    public IReadOnlyList<QueryError> Errors => _errors;

    public FilterNode? Translate(SingleValueNode node) => Bool(node, 0, inLambda: false);

    private FilterNode? Bool(SingleValueNode node, int depth, bool inLambda)
    {
        if (++_nodes == limits.MaxFilterNodes + 1)
            Fail("TooComplex", $"筛选条件过于复杂 ($filter has more than {limits.MaxFilterNodes} nodes)");
        if (depth > limits.MaxFilterDepth)
        {
            Fail("TooDeep", $"筛选条件嵌套过深 ($filter nests deeper than {limits.MaxFilterDepth} levels)");
            return null;
        }
        node = Unwrap(node);
        switch (node)
        {
            case BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And or BinaryOperatorKind.Or } b:
                var left = Bool(b.Left, depth + 1, inLambda);
                var right = Bool(b.Right, depth + 1, inLambda);
                return left is null || right is null ? null
                    : new LogicalNode(b.OperatorKind == BinaryOperatorKind.And ? LogicalOperator.And : LogicalOperator.Or, left, right);
            case BinaryOperatorNode b:
                return Compare(b, inLambda);
            case UnaryOperatorNode { OperatorKind: UnaryOperatorKind.Not } u:
                return Bool(u.Operand, depth + 1, inLambda) is { } operand ? new NotNode(operand) : null;
            case Odl.ConstantNode { Value: bool value }:
                return new Model.ConstantNode(value);
            case Odl.InNode i:
                return In(i, inLambda);
            case SingleValueFunctionCallNode f:
                return TextMatch(f, inLambda);
            case AnyNode a:
                return Lambda(a.Source, a.Body, Quantifier.Any, depth, inLambda);
            case AllNode a:
                return Lambda(a.Source, a.Body, Quantifier.All, depth, inLambda);
            case SingleValuePropertyAccessNode p:
                return Field(p, inLambda) is { } f2 ? Boolean(f2, p) : null;
            default:
                return Unsupported(node);
        }
    }

    private FilterNode? Boolean(FieldRef field, SingleValuePropertyAccessNode p)
    {
        if (field.Type == FieldType.Boolean)
            return new CompareNode(field, CompareOperator.Eq, true);
        Fail("NotBoolean", $"属性 {p.Property.Name} 不是布尔值，不能单独作为条件 ({p.Property.Name} is not a Boolean)", p.Property.Name);
        return null;
    }

    private FilterNode? Compare(BinaryOperatorNode b, bool inLambda)
    {
        if (!Operators.TryGetValue(b.OperatorKind, out var op))
            return Unsupported(b);
        var left = Unwrap(b.Left);
        var right = Unwrap(b.Right);
        if (IsLiteral(left) && !IsLiteral(right))
        {
            (left, right) = (right, left);
            op = Flip(op);
        }
        var field = Operand(left, inLambda);
        if (field is null)
            return null;
        if (!IsLiteral(right))
        {
            Fail("UnsupportedExpression", "比较的一侧必须是常量 (comparisons must be between a property and a literal)");
            return null;
        }
        var literal = LiteralValue(right);
        if (literal is null && op is not (CompareOperator.Eq or CompareOperator.Ne))
        {
            Fail("InvalidNullComparison", $"null 只能用于 eq/ne ({op.ToString().ToLowerInvariant()} null is not meaningful)", field.Name);
            return null;
        }
        var type = ResultType(field);
        if (!AllowedOn(op, type))
        {
            Fail("UnsupportedOperator", $"运算符 {op.ToString().ToLowerInvariant()} 不适用于 {Show(field)} ({type})", field.Name);
            return null;
        }
        return Value(literal, type, field.Name, out var value) ? new CompareNode(field, op, value) : null;
    }

    private FilterNode? In(Odl.InNode node, bool inLambda)
    {
        var field = Operand(Unwrap(node.Left), inLambda);
        if (field is null)
            return null;
        if (node.Right is not CollectionConstantNode list)
        {
            Fail("UnsupportedExpression", "in 的右侧必须是常量列表 (in needs a literal list such as ('a','b'))", field.Name);
            return null;
        }
        if (list.Collection.Count > limits.MaxInValues)
        {
            Fail("TooManyValues", $"in 列表最多 {limits.MaxInValues} 项 (in-list longer than {limits.MaxInValues})", field.Name);
            return null;
        }
        _nodes += list.Collection.Count / 10;
        var type = ResultType(field);
        var values = new List<object>();
        foreach (var item in list.Collection)
        {
            if (item.Value is null)
                Fail("InvalidNullComparison", "in 列表不能包含 null (use 'eq null' instead)", field.Name);
            else if (Value(item.Value, type, field.Name, out var v))
                values.Add(v!);
        }
        return values.Count == list.Collection.Count ? new Model.InNode(field, values) : null;
    }

    private FilterNode? TextMatch(SingleValueFunctionCallNode f, bool inLambda)
    {
        if (!TextOperators.TryGetValue(f.Name, out var op))
            return Unsupported(f);
        var args = f.Parameters.ToList();
        if (args.Count != 2 || args[0] is not SingleValueNode first || args[1] is not SingleValueNode second)
            return Unsupported(f);
        var field = Operand(Unwrap(first), inLambda);
        if (field is null)
            return null;
        if (ResultType(field) != FieldType.String)
        {
            Fail("UnsupportedOperator", $"{f.Name} 只适用于字符串 ({Show(field)} is not a string)", field.Name);
            return null;
        }
        var literal = Unwrap(second);
        if (!IsLiteral(literal) || LiteralValue(literal) is not string text)
        {
            Fail("UnsupportedExpression", $"{f.Name} 的第二个参数必须是字符串常量 ({f.Name} needs a string literal)", field.Name);
            return null;
        }
        return LengthOk(text, field.Name) ? new TextMatchNode(field, op, text) : null;
    }

    private FilterNode? Lambda(Odl.CollectionNode source, SingleValueNode body, Quantifier quantifier, int depth, bool inLambda)
    {
        if (inLambda)
        {
            Fail("UnsupportedExpression", "any/all 不能嵌套 (nested lambdas are not supported)");
            return null;
        }
        if (source is not CollectionPropertyAccessNode collection)
            return Unsupported(source);
        var field = Known(collection.Property.Name);
        if (field is null)
            return null;
        if (!field.IsCollection)
        {
            Fail("UnsupportedOperator", $"{field.Name} 不是集合 (any/all need a collection property)", field.Name);
            return null;
        }
        var reference = new FieldRef(field.Name, field.Type);
        // ODL binds a bare any() to a body of constant true.
        if (Unwrap(body) is Odl.ConstantNode { Value: true } && quantifier == Quantifier.Any)
            return new Model.CollectionNode(reference, quantifier, null);
        var predicate = Bool(body, depth + 1, inLambda: true);
        return predicate is null ? null : new Model.CollectionNode(reference, quantifier, predicate);
    }

    /// <summary>The left side of a comparison: a field, the lambda element, or one function over either.</summary>
    private FieldRef? Operand(SingleValueNode node, bool inLambda)
    {
        if (node is SingleValueFunctionCallNode f)
        {
            if (!Functions.TryGetValue(f.Name, out var function))
            {
                Unsupported(f);
                return null;
            }
            var args = f.Parameters.ToList();
            if (args.Count != 1 || args[0] is not SingleValueNode inner || Unwrap(inner) is SingleValueFunctionCallNode)
            {
                Fail("UnsupportedExpression", $"{f.Name} 只能直接作用于属性 ({f.Name} applies to one property)");
                return null;
            }
            var field = Operand(Unwrap(inner), inLambda);
            if (field is null)
                return null;
            var wanted = function is FieldFunction.Year or FieldFunction.Month or FieldFunction.Day ? FieldType.DateTimeOffset : FieldType.String;
            if (field.Type != wanted)
            {
                Fail("UnsupportedOperator", $"{f.Name} 不适用于 {Show(field)} ({f.Name} needs a {wanted} property)", field.Name);
                return null;
            }
            return field with { Function = function };
        }
        return node switch
        {
            SingleValuePropertyAccessNode p => Field(p, inLambda),
            NonResourceRangeVariableReferenceNode when inLambda => FieldRef.Element(),
            _ => NotAField(node),
        };
    }

    private FieldRef? Field(SingleValuePropertyAccessNode p, bool inLambda)
    {
        if (p.Source is not ResourceRangeVariableReferenceNode)
        {
            Fail("UnsupportedExpression", $"不支持路径 {p.Property.Name} (only direct properties can be filtered)", p.Property.Name);
            return null;
        }
        var field = Known(p.Property.Name);
        if (field is null)
            return null;
        if (field.IsCollection)
        {
            Fail("UnsupportedOperator", $"集合 {field.Name} 只能用 any/all 筛选 (use {field.Name}/any(x: x eq '…'))", field.Name);
            return null;
        }
        return new FieldRef(field.Name, field.Type);
    }

    private QueryField? Known(string name)
    {
        var field = schema.Find(name);
        if (field is null)
            Fail("UnknownProperty", $"{schema.EntityType} 没有属性 {name} (unknown property)", name);
        else if (!field.Filterable)
            Fail("NotFilterable", $"属性 {field.Name} 不可用于筛选 ({field.Name} cannot be used in $filter)", field.Name);
        else
            return field;
        return null;
    }

    private bool Value(object? literal, FieldType type, string target, out object? value)
    {
        if (literal is string s && !LengthOk(s, target))
        {
            value = null;
            return false;
        }
        if (LiteralConverter.TryConvert(literal, type, out value, out var error))
            return true;
        Fail("TypeMismatch", $"{target}: {error}", target);
        return false;
    }

    private bool LengthOk(string text, string target)
    {
        if (text.Length <= limits.MaxLiteralLength)
            return true;
        Fail("LiteralTooLong", $"字符串常量过长 (literals are limited to {limits.MaxLiteralLength} characters)", target);
        return false;
    }

    private object? LiteralValue(SingleValueNode node) => node switch
    {
        Odl.ConstantNode c => c.Value,
        ParameterAliasNode a when aliases is not null && aliases.TryGetValue(a.Alias, out var v) && v is not null => LiteralValue(Unwrap(v)),
        _ => null,
    };

    private bool IsLiteral(SingleValueNode node) => node switch
    {
        Odl.ConstantNode => true,
        ParameterAliasNode a => aliases is null || !aliases.TryGetValue(a.Alias, out var v) || v is null || IsLiteral(Unwrap(v)),
        _ => false,
    };

    private static SingleValueNode Unwrap(SingleValueNode node)
    {
        while (node is ConvertNode c)
            node = c.Source;
        return node;
    }

    private static FieldType ResultType(FieldRef field) => field.Function switch
    {
        FieldFunction.Length or FieldFunction.Year or FieldFunction.Month or FieldFunction.Day => FieldType.Int64,
        _ => field.Type,
    };

    private static bool AllowedOn(CompareOperator op, FieldType type) => type switch
    {
        FieldType.Boolean => op is CompareOperator.Eq or CompareOperator.Ne,
        FieldType.StringCollection => false,
        _ => true,
    };

    private static CompareOperator Flip(CompareOperator op) => op switch
    {
        CompareOperator.Gt => CompareOperator.Lt,
        CompareOperator.Ge => CompareOperator.Le,
        CompareOperator.Lt => CompareOperator.Gt,
        CompareOperator.Le => CompareOperator.Ge,
        _ => op,
    };

    private FieldRef? NotAField(SingleValueNode node)
    {
        Unsupported(node);
        return null;
    }

    private FilterNode? Unsupported(QueryNode node)
    {
        var what = node switch
        {
            SingleValueFunctionCallNode f => $"函数 {f.Name} 不受支持 (function {f.Name} is not supported; use contains, startswith, endswith, tolower, toupper, length, year, month, day)",
            BinaryOperatorNode b => $"运算符 {b.OperatorKind} 不受支持 (operator {b.OperatorKind} is not supported)",
            UnaryOperatorNode u => $"运算符 {u.OperatorKind} 不受支持 (operator {u.OperatorKind} is not supported)",
            _ => $"不支持的表达式 ({node.Kind} is not supported in $filter)",
        };
        Fail(node is SingleValueFunctionCallNode ? "UnsupportedFunction" : "UnsupportedExpression", what);
        return null;
    }

    private static string Show(FieldRef f) => f.IsElement ? "集合元素 (the element)" : f.Name;

    private void Fail(string code, string message, string? field = null) =>
        _errors.Add(new QueryError(code, message, field is null ? target : $"{target}/{field}"));

    private static readonly Dictionary<BinaryOperatorKind, CompareOperator> Operators = new()
    {
        [BinaryOperatorKind.Equal] = CompareOperator.Eq,
        [BinaryOperatorKind.NotEqual] = CompareOperator.Ne,
        [BinaryOperatorKind.GreaterThan] = CompareOperator.Gt,
        [BinaryOperatorKind.GreaterThanOrEqual] = CompareOperator.Ge,
        [BinaryOperatorKind.LessThan] = CompareOperator.Lt,
        [BinaryOperatorKind.LessThanOrEqual] = CompareOperator.Le,
    };

    private static readonly Dictionary<string, TextOperator> TextOperators = new(StringComparer.OrdinalIgnoreCase)
    {
        ["contains"] = TextOperator.Contains,
        ["startswith"] = TextOperator.StartsWith,
        ["endswith"] = TextOperator.EndsWith,
    };

    private static readonly Dictionary<string, FieldFunction> Functions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["tolower"] = FieldFunction.ToLower,
        ["toupper"] = FieldFunction.ToUpper,
        ["length"] = FieldFunction.Length,
        ["year"] = FieldFunction.Year,
        ["month"] = FieldFunction.Month,
        ["day"] = FieldFunction.Day,
    };
}
