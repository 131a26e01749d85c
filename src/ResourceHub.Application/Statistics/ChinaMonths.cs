using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace ResourceHub.Application.Statistics;

/// <summary>
/// Time buckets as people in China read them: timestamps are UTC in the database, months and days start at
/// midnight Beijing time (UTC+8, no daylight saving).
/// </summary>
public static class ChinaMonths
{
    public const int OffsetHours = 8;
    /// <summary>Ten years of months at most in one chart.</summary>
    public const int MaxMonths = 120;

    /// <summary>Midnight Beijing time at the start of <paramref name="day"/>, as UTC.</summary>
    public static DateTime StartUtc(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-OffsetHours);

    public static DateOnly DayOf(DateTime utc) => DateOnly.FromDateTime(utc.AddHours(OffsetHours));

    public static string Key(int year, int month) => $"{year:D4}-{month:D2}";

    public static string Label(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year}年{month}月");

    /// <summary>Every month from the one holding <paramref name="first"/> to the one holding <paramref name="last"/> (the last <see cref="MaxMonths"/>).</summary>
    public static IReadOnlyList<(int Year, int Month)> Span(DateOnly first, DateOnly last)
    {
        var months = new List<(int, int)>();
        var at = new DateOnly(last.Year, last.Month, 1);
        var stop = new DateOnly(first.Year, first.Month, 1);
        while (at >= stop && months.Count < MaxMonths)
        {
            months.Add((at.Year, at.Month));
            at = at.AddMonths(-1);
        }
        months.Reverse();
        return months;
    }

    /// <summary>How many of <paramref name="times"/> fall in each Beijing month, counted in SQL.</summary>
    public static async Task<Dictionary<(int Year, int Month), int>> CountAsync(IQueryable<DateTime> times, CancellationToken ct) =>
        (await times.Select(t => t.AddHours(OffsetHours))
            .GroupBy(t => new { t.Year, t.Month })
            .Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() })
            .ToListAsync(ct))
        .ToDictionary(c => (c.Year, c.Month), c => c.Count);

    /// <summary>One row per month of the span, zero where nothing happened (a line chart needs the gaps).</summary>
    public static IReadOnlyList<FigureRow> Fill(IReadOnlyList<(int Year, int Month)> span, Func<(int Year, int Month), double[]> valuesOf) =>
        span.Select(m => new FigureRow(Key(m.Year, m.Month), Label(m.Year, m.Month), valuesOf(m))).ToList();
}
