namespace ResourceHub.Application.Statistics;

/// <summary>
/// What the statistics cover, as the caller asks: a region (an organisation code; none means the caller's own
/// region) and a date range in China time, both ends included.
/// </summary>
public sealed record StatsFilter(string? Org = null, DateOnly? From = null, DateOnly? To = null);
