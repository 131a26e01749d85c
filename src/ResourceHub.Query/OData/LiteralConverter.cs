using System.Globalization;
using ResourceHub.Query.Model;

namespace ResourceHub.Query.OData;

/// <summary>
/// Turns a literal ODL parsed into the value type the model uses for a field
/// (string, long, decimal, double, bool, DateTimeOffset in UTC, Guid), or explains why it cannot.
/// </summary>
public static class LiteralConverter
{
    public static bool TryConvert(object? literal, FieldType type, out object? value, out string? error)
    {
        value = null;
        error = null;
        if (literal is null)
            return true;
        try
        {
            value = type switch
            {
                FieldType.String => literal as string,
                FieldType.Int64 => Integral(literal),
                FieldType.Decimal => literal is string ? null : Convert.ToDecimal(literal, CultureInfo.InvariantCulture),
                FieldType.Double => literal is string ? null : Convert.ToDouble(literal, CultureInfo.InvariantCulture),
                FieldType.Boolean => literal as bool?,
                FieldType.DateTimeOffset => literal switch
                {
                    DateTimeOffset d => d.ToUniversalTime(),
                    DateOnly d => Midnight(d),
                    _ when DateLiteral(literal) is { } d => Midnight(d),
                    _ => null,
                },
                FieldType.Guid => literal as Guid?,
                _ => null,
            };
        }
        catch (OverflowException)
        {
            error = $"值 {literal} 超出 {type} 的范围 (literal out of range)";
            return false;
        }
        if (value is double dbl && (double.IsNaN(dbl) || double.IsInfinity(dbl)))
        {
            error = $"值 {literal} 不是有限数 (NaN and infinities are not comparable values)";
            return false;
        }
        if (value is null)
            error = $"值 {Show(literal)} 的类型不能与 {type} 比较 (a {literal.GetType().Name} literal cannot be compared with a {type} field)";
        return value is not null;
    }

    private static DateTimeOffset Midnight(DateOnly d) => new(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>
    /// ODL 8 still parses date literals into Microsoft.OData.Edm.Date, obsolete there and replaced by
    /// DateOnly in ODL 9; its text form is yyyy-MM-dd, so it is read without naming the type.
    /// </summary>
    private static DateOnly? DateLiteral(object literal) =>
        literal.GetType().FullName == "Microsoft.OData.Edm.Date"
        && DateOnly.TryParseExact(literal.ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    private static object? Integral(object literal) => literal switch
    {
        int or long or short or byte or sbyte => Convert.ToInt64(literal, CultureInfo.InvariantCulture),
        decimal m when decimal.Truncate(m) == m => checked((long)m),
        double d when Math.Truncate(d) == d && Math.Abs(d) < 9.2e18 => (long)d,
        double or decimal => throw new OverflowException(),
        _ => null,
    };

    private static string Show(object literal) => literal is string s ? $"'{s}'" : Convert.ToString(literal, CultureInfo.InvariantCulture) ?? "";
}
