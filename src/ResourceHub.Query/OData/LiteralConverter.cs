using System.Globalization;
using Microsoft.OData.Edm;
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
                    Date d => new DateTimeOffset(d.Year, d.Month, d.Day, 0, 0, 0, TimeSpan.Zero),
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
