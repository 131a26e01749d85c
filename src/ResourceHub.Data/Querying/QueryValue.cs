using System.Linq.Expressions;

namespace ResourceHub.Data.Querying;

/// <summary>
/// Puts a value into an expression tree as a captured variable rather than a constant, so EF Core
/// sends it as a SQL parameter and reuses the compiled query for other values.
/// </summary>
internal static class QueryValue
{
    public static Expression Of(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Field(Expression.Constant(holder), "Value");
    }

    private sealed class Holder<T>(T value)
    {
        public readonly T Value = value;
    }

    /// <summary>A model value (DateTimeOffset, long, …) as the CLR type of the mapped member (DateTime in UTC, int, …).</summary>
    public static object? ToMemberType(object? value, Type memberType)
    {
        if (value is null)
            return null;
        var target = Nullable.GetUnderlyingType(memberType) ?? memberType;
        return value switch
        {
            DateTimeOffset d when target == typeof(DateTime) => d.UtcDateTime,
            DateTimeOffset d when target == typeof(DateTimeOffset) => d,
            _ when target.IsInstanceOfType(value) => value,
            _ => Convert.ChangeType(value, target, System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
