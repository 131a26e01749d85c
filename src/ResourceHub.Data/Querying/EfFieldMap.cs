using System.Linq.Expressions;
using ResourceHub.Query.Model;

namespace ResourceHub.Data.Querying;

/// <summary>
/// Where each public field of a query schema lives on the entity, as member expressions EF Core
/// can translate (e.g. Size → x.File.Size). Built once per entity set.
/// </summary>
public sealed class EfFieldMap<T>
{
    private readonly Dictionary<string, LambdaExpression> _members;

    public EfFieldMap(QuerySchema schema, IEnumerable<KeyValuePair<string, LambdaExpression>> members)
    {
        Schema = schema;
        _members = members.ToDictionary(m => m.Key, m => Strip(m.Value), StringComparer.OrdinalIgnoreCase);
        var missing = schema.Fields.Where(f => !_members.ContainsKey(f.Name)).Select(f => f.Name).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"no member mapped for {string.Join(", ", missing)} of {schema.EntityType}");
    }

    public QuerySchema Schema { get; }

    /// <summary>The member for a field, over the given row parameter.</summary>
    public Expression Member(string name, ParameterExpression row)
    {
        var lambda = _members[name];
        return new Rebind(lambda.Parameters[0], row).Visit(lambda.Body);
    }

    /// <summary>Accessors are written as Func&lt;T, object?&gt;; the boxing conversion is dropped to keep the member's own type.</summary>
    private static LambdaExpression Strip(LambdaExpression lambda) =>
        lambda.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert && convert.Type == typeof(object)
            ? Expression.Lambda(convert.Operand, lambda.Parameters)
            : lambda;

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }
}
