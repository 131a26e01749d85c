using System.Text.RegularExpressions;
using Microsoft.OData;
using Microsoft.OData.UriParser;
using Microsoft.OData.UriParser.Aggregation;
using ResourceHub.Query.Model;

namespace ResourceHub.Query.OData;

/// <summary>
/// $apply (with the $orderby, $top and $skip that then apply to its groups) → <see cref="ApplyQuery"/>. ODL parses and
/// binds; this class accepts filter(...)* then one groupby((P1,…)[,aggregate(…)]) or aggregate(…), direct properties
/// only. A valid shape outside that is a 501 (<see cref="QueryError.NotImplemented"/>), a mistake a 400; all problems
/// are reported together. Run it after <see cref="ODataQueryTranslator"/> (or on a fresh parser): once ODL has
/// parsed $apply it binds $orderby against the groups.
/// </summary>
public static partial class ODataApplyTranslator
{
    /// <summary>Options that read the groups, not the entities: the entity translator must leave them out.</summary>
    public static readonly IReadOnlyList<string> GroupOptions = ["apply", "orderby", "top", "skip"];

    /// <summary>Entity options that make no sense over groups (or are not served there).</summary>
    private static readonly string[] Refused = ["select", "expand", "count", "skiptoken"];

    public static ApplyQuery Translate(ODataUriParser parser, QuerySchema schema, IEnumerable<KeyValuePair<string, string?>> rawQuery,
        QueryLimits? limits = null)
    {
        limits ??= QueryLimits.Default;
        var errors = new List<QueryError>();
        var options = rawQuery.GroupBy(q => q.Key.Trim().TrimStart('$').ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Last().Value);
        foreach (var name in Refused.Where(options.ContainsKey))
            errors.Add(NotServed($"${name} 不能与 $apply 同用 (${name} is not supported together with $apply)", "$" + name));
        var query = Transformations(parser, schema, limits, options.GetValueOrDefault("apply") ?? "", errors);
        if (errors.Count == 0 && options.TryGetValue("orderby", out var orderBy))
            query = query with { OrderBy = OrderBy(orderBy ?? "", query, limits, errors) };
        if (options.ContainsKey("top"))
            query = query with { Top = ODataQueryTranslator.Guard(errors, "$top", () => Bounded(parser.ParseTop(), limits.MaxGroups, "$top", errors)) };
        if (options.ContainsKey("skip"))
            query = query with { Skip = ODataQueryTranslator.Guard(errors, "$skip", () => Bounded(parser.ParseSkip(), limits.MaxSkip, "$skip", errors)) };
        if (errors.Count > 0)
        {
            // A mistake of the client's outranks a shape we do not serve: fix the request first.
            var mistakes = errors.Where(e => e.Code != QueryError.NotImplemented).ToList();
            throw new QueryValidationException((mistakes.Count > 0 ? mistakes : errors).DistinctBy(e => (e.Code, e.Message, e.Target)).ToList());
        }
        return query;
    }

    private static ApplyQuery Transformations(ODataUriParser parser, QuerySchema schema, QueryLimits limits, string text, List<QueryError> errors)
    {
        ApplyClause? clause;
        try
        {
            clause = parser.ParseApply();
        }
        catch (Exception e) when (e is ODataException or ArgumentException or FormatException or OverflowException or InvalidCastException)
        {
            // ODL 8 does not parse every transformation of the aggregation extension; those are valid, just not served.
            errors.Add(UnservedTransformation().Match(text) is { Success: true } m
                ? NotServed($"$apply 不支持 {m.Groups[1].Value} (the {m.Groups[1].Value} transformation is not supported)")
                : new QueryError("InvalidQueryOption", $"$apply 无效 ($apply is invalid: {e.Message})", "$apply"));
            return new ApplyQuery();
        }
        var query = new ApplyQuery();
        var grouped = false;
        foreach (var step in clause?.Transformations ?? [])
        {
            if (grouped)
            {
                errors.Add(NotServed("groupby/aggregate 之后不能再有变换 (no transformation may follow groupby or aggregate)"));
                break;
            }
            switch (step)
            {
                case FilterTransformationNode f:
                    var translator = new FilterTranslator(schema, limits, parser.ParameterAliasNodes, "$apply");
                    var node = translator.Translate(f.FilterClause.Expression);
                    errors.AddRange(translator.Errors);
                    if (node is not null)
                        query = query with { Filter = query.Filter is null ? node : new LogicalNode(LogicalOperator.And, query.Filter, node) };
                    break;
                case GroupByTransformationNode g:
                    grouped = true;
                    query = query with { GroupBy = GroupBy(g.GroupingProperties, schema, limits, errors) };
                    if (g.ChildTransformations is AggregateTransformationNode inner)
                        query = query with { Aggregates = Aggregates(inner, schema, limits, errors) };
                    else if (g.ChildTransformations is not null)
                        errors.Add(NotServed($"groupby 内只支持 aggregate (only aggregate is supported inside groupby, not {g.ChildTransformations.Kind})"));
                    break;
                case AggregateTransformationNode a:
                    grouped = true;
                    query = query with { Aggregates = Aggregates(a, schema, limits, errors) };
                    break;
                default:
                    errors.Add(NotServed($"$apply 不支持 {step.Kind} (the {step.Kind.ToString().ToLowerInvariant()} transformation is not supported)"));
                    break;
            }
        }
        if (!grouped && errors.Count == 0)
            errors.Add(NotServed("$apply 须以 groupby 或 aggregate 结束 ($apply must end with groupby or aggregate)"));
        CheckAliases(query, errors);
        return query;
    }

    private static IReadOnlyList<string> GroupBy(IEnumerable<GroupByPropertyNode> properties, QuerySchema schema, QueryLimits limits, List<QueryError> errors)
    {
        var names = new List<string>();
        foreach (var p in properties)
        {
            if (p.ChildTransformations.Count > 0 || Property(p.Expression) is not { } name)
            {
                errors.Add(NotServed($"只能按本实体的属性分组，不支持 {p.Name}/… (groupby over a navigation path is not supported)", $"$apply/{p.Name}"));
                continue;
            }
            var field = schema.Find(name);
            if (field is null)
                errors.Add(new QueryError("UnknownProperty", $"{schema.EntityType} 没有属性 {name} (unknown property)", $"$apply/{name}"));
            else if (field.IsCollection || !field.Sortable || !field.Filterable)
                errors.Add(new QueryError("NotGroupable", $"不能按 {field.Name} 分组 ({field.Name} cannot be grouped by)", $"$apply/{field.Name}"));
            else if (!names.Contains(field.Name))
                names.Add(field.Name);
        }
        if (names.Count > limits.MaxGroupByProperties)
            errors.Add(new QueryError("TooManyKeys", $"groupby 最多 {limits.MaxGroupByProperties} 个属性 (groupby is limited to {limits.MaxGroupByProperties} properties)", "$apply"));
        return names;
    }

    private static IReadOnlyList<AggregateItem> Aggregates(AggregateTransformationNode node, QuerySchema schema, QueryLimits limits, List<QueryError> errors)
    {
        var items = new List<AggregateItem>();
        foreach (var e in node.AggregateExpressions)
        {
            if (e is not AggregateExpression a)
            {
                errors.Add(NotServed($"不支持对导航属性聚合 ({e.Alias}: aggregating over a navigation property is not supported)", $"$apply/{e.Alias}"));
                continue;
            }
            if (a.Method == AggregationMethod.VirtualPropertyCount)
            {
                items.Add(new AggregateItem(AggregateMethod.Count, null, a.Alias));
                continue;
            }
            if (!Methods.TryGetValue(a.Method, out var method))
            {
                errors.Add(NotServed($"不支持聚合方法 {a.MethodDefinition?.MethodLabel ?? a.Method.ToString()} (supported: sum, average, min, max, countdistinct, $count)", $"$apply/{a.Alias}"));
                continue;
            }
            if (Property(a.Expression) is not { } name)
            {
                errors.Add(NotServed($"只能聚合本实体的属性，不支持表达式 ({a.Alias}: only a property can be aggregated, not an expression)", $"$apply/{a.Alias}"));
                continue;
            }
            var field = schema.Find(name);
            if (field is null || !field.Filterable || field.IsCollection)
            {
                errors.Add(new QueryError("NotAggregatable", $"不能聚合 {name} ({name} cannot be aggregated)", $"$apply/{name}"));
                continue;
            }
            if (Refusal(method, field) is { } refusal)
            {
                errors.Add(refusal);
                continue;
            }
            items.Add(new AggregateItem(method, field.Name, a.Alias));
        }
        if (items.Count > limits.MaxAggregates)
            errors.Add(new QueryError("TooManyAggregates", $"aggregate 最多 {limits.MaxAggregates} 项 (aggregate is limited to {limits.MaxAggregates} expressions)", "$apply"));
        return items;
    }

    /// <summary>sum/average need numbers (the client's mistake otherwise); min/max over text is valid OData we do not serve.</summary>
    private static QueryError? Refusal(AggregateMethod method, QueryField field)
    {
        var numeric = field.Type is FieldType.Int64 or FieldType.Double or FieldType.Decimal;
        var method_ = method.ToString().ToLowerInvariant();
        return method switch
        {
            AggregateMethod.Sum or AggregateMethod.Average when !numeric => new QueryError("NotAggregatable",
                $"{method_} 只适用于数值属性，{field.Name} 不是数值 ({method_} needs a numeric property)", $"$apply/{field.Name}"),
            AggregateMethod.Min or AggregateMethod.Max when !numeric && field.Type != FieldType.DateTimeOffset =>
                NotServed($"{method_} 只支持数值和时间属性 ({method_} is served for numeric and date-time properties only)", $"$apply/{field.Name}"),
            _ => null,
        };
    }

    /// <summary>Each result column needs its own name.</summary>
    private static void CheckAliases(ApplyQuery query, List<QueryError> errors)
    {
        foreach (var clash in query.Columns.GroupBy(c => c, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add(new QueryError("DuplicateAlias", $"别名 {clash.Key} 重复 (the alias {clash.Key} names more than one column)", $"$apply/{clash.Key}"));
    }

    /// <summary>
    /// "Name [asc|desc], …" over the result's columns, read here rather than by ODL, which binds group properties and
    /// aliases after $apply case-sensitively while every other name in a URL is case-insensitive.
    /// </summary>
    private static IReadOnlyList<OrderBy> OrderBy(string text, ApplyQuery query, QueryLimits limits, List<QueryError> errors)
    {
        var keys = new List<OrderBy>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var m = OrderByItem().Match(item);
            var column = m.Success ? query.Columns.FirstOrDefault(c => string.Equals(c, m.Groups[1].Value, StringComparison.OrdinalIgnoreCase)) : null;
            if (column is null)
                errors.Add(new QueryError("NotSortable",
                    $"$apply 之后只能按分组属性或别名排序 (after $apply, $orderby names group properties or aliases: {string.Join(", ", query.Columns)}; not '{item}')", "$orderby"));
            else if (keys.All(k => k.Field != column))
                keys.Add(new OrderBy(column, m.Groups[2].Value.Equals("desc", StringComparison.OrdinalIgnoreCase)));
        }
        if (keys.Count > limits.MaxOrderByKeys)
            errors.Add(new QueryError("TooManyKeys", $"排序键最多 {limits.MaxOrderByKeys} 个 ($orderby is limited to {limits.MaxOrderByKeys} keys)", "$orderby"));
        return keys;
    }

    private static int? Bounded(long? value, int max, string option, List<QueryError> errors)
    {
        if (value <= max)
            return (int?)value;
        errors.Add(new QueryError("TooLarge", $"{option} 最大为 {max} ({option} {value} exceeds {max} over groups)", option));
        return null;
    }

    /// <summary>The name of a direct property of the entity, or null for anything else (paths, expressions).</summary>
    private static string? Property(SingleValueNode? node) =>
        (node is ConvertNode c ? c.Source : node) is SingleValuePropertyAccessNode { Source: ResourceRangeVariableReferenceNode } p ? p.Property.Name : null;

    private static QueryError NotServed(string message, string target = "$apply") => new(QueryError.NotImplemented, message, target);

    private static readonly Dictionary<AggregationMethod, AggregateMethod> Methods = new()
    {
        [AggregationMethod.Sum] = AggregateMethod.Sum,
        [AggregationMethod.Average] = AggregateMethod.Average,
        [AggregationMethod.Min] = AggregateMethod.Min,
        [AggregationMethod.Max] = AggregateMethod.Max,
        [AggregationMethod.CountDistinct] = AggregateMethod.CountDistinct,
    };

    [GeneratedRegex(@"^([\p{L}_][\p{L}\p{Nd}_]*)(?:\s+(asc|desc))?$", RegexOptions.IgnoreCase)]
    private static partial Regex OrderByItem();

    /// <summary>Transformations of OData's aggregation extension that ODL 8 cannot parse.</summary>
    [GeneratedRegex(@"\b(rollup|topcount|topsum|toppercent|bottomcount|bottomsum|bottompercent|concat|identity|search|nest|ancestors|descendants|traverse|from|orderby|top|skip|join|outerjoin)\s*\(", RegexOptions.IgnoreCase)]
    private static partial Regex UnservedTransformation();
}
