using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.OData.Querying;

/// <summary>
/// Server-driven paging for one request: how many rows this page serves (Prefer odata.maxpagesize,
/// the server maximum, what is left of $top) and the @odata.nextLink that continues it.
/// </summary>
public sealed class PageRequest
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 200;

    private readonly int? _appliedPreference;

    private PageRequest(int size, int? top, int? appliedPreference)
    {
        Size = size;
        Top = top;
        _appliedPreference = appliedPreference;
    }

    /// <summary>Rows on this page (at most).</summary>
    public int Size { get; }
    public int? Top { get; }

    public static PageRequest For(HttpRequest request, EntityQuery query)
    {
        var preferred = MaxPageSizePreference(request);
        var size = Math.Clamp(preferred ?? DefaultPageSize, 1, MaxPageSize);
        return new PageRequest(query.Top is { } top ? Math.Min(size, top) : size, query.Top, preferred is null ? null : size);
    }

    /// <summary>True when rows beyond this page remain to be served (fetched: Size + 1 rows).</summary>
    public bool HasMore(int fetched) => fetched > Size && (Top is null || Top > Size);

    public void ApplyPreference(HttpResponse response)
    {
        if (_appliedPreference is { } size)
            response.Headers["Preference-Applied"] = $"odata.maxpagesize={size}";
    }

    /// <summary>The request's own URL with $skip dropped, $top reduced by this page, and the new $skiptoken.</summary>
    public Uri NextLink(HttpRequest request, string token)
    {
        var kept = request.Query
            .Where(q => Normal(q.Key) is not ("skip" or "skiptoken" or "top"))
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .ToList();
        if (Top is { } top)
            kept.Add(KeyValuePair.Create("$top", (string?)(top - Size).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        kept.Add(KeyValuePair.Create("$skiptoken", (string?)token));
        var path = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        return new Uri(QueryHelpers.AddQueryString(path, kept));
    }

    private static string Normal(string key) => key.Trim().TrimStart('$').ToLowerInvariant();

    private static int? MaxPageSizePreference(HttpRequest request)
    {
        foreach (var header in request.Headers["Prefer"])
        foreach (var part in (header ?? "").Split(',', ';'))
        {
            var kv = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (kv.Length == 2 && kv[0].Equals("odata.maxpagesize", StringComparison.OrdinalIgnoreCase)
                && int.TryParse(kv[1], out var n) && n > 0)
                return n;
        }
        return null;
    }
}
