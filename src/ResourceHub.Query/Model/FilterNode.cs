namespace ResourceHub.Query.Model;

/// <summary>
/// A boolean expression over one entity's fields. Backends (EF Core, search index) render it;
/// it carries no types of theirs.
/// </summary>
public abstract record FilterNode;

public enum LogicalOperator { And, Or }

public sealed record LogicalNode(LogicalOperator Operator, FilterNode Left, FilterNode Right) : FilterNode;

public sealed record NotNode(FilterNode Operand) : FilterNode;

public enum CompareOperator { Eq, Ne, Gt, Ge, Lt, Le }

/// <summary><c>Field op Value</c>; Value null means the OData null literal.</summary>
public sealed record CompareNode(FieldRef Field, CompareOperator Operator, object? Value) : FilterNode;

/// <summary><c>Field in (v1, v2, …)</c>.</summary>
public sealed record InNode(FieldRef Field, IReadOnlyList<object> Values) : FilterNode;

public enum TextOperator { Contains, StartsWith, EndsWith }

/// <summary>contains/startswith/endswith(Field, 'text').</summary>
public sealed record TextMatchNode(FieldRef Field, TextOperator Operator, string Value) : FilterNode;

public enum Quantifier { Any, All }

/// <summary>
/// <c>Collection/any(x: predicate)</c> or <c>/all</c>; inside the predicate the element is
/// <see cref="FieldRef.Element"/>. A null predicate is the bare <c>any()</c> (collection not empty).
/// </summary>
public sealed record CollectionNode(FieldRef Collection, Quantifier Quantifier, FilterNode? Predicate) : FilterNode;

/// <summary>A constant true/false (e.g. $filter=true).</summary>
public sealed record ConstantNode(bool Value) : FilterNode;
