using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using ResourceHub.Application.Identity;
using ResourceHub.Api.OData;

namespace ResourceHub.Api.Limits;

/// <summary>
/// Config section "ResourceHub:RateLimits": token buckets (a burst of N, refilled at N per minute).
/// Anonymous and failed-auth traffic shares one bucket per client address; a signed-in user has one
/// bucket for writes and one for uploads. Reads by signed-in users and /health are not limited.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "ResourceHub:RateLimits";

    public bool Enabled { get; set; } = true;
    public int AnonymousPerMinute { get; set; } = 1200;
    public int WritesPerMinute { get; set; } = 1200;
    public int UploadsPerMinute { get; set; } = 240;
}

public static class RateLimits
{
    public static IServiceCollection AddResourceHubRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions();
        if (!options.Enabled)
            return services;
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, options));
            o.OnRejected = (rejected, _) => RejectAsync(rejected);
        });
    }

    public static void UseResourceHubRateLimits(this WebApplication app)
    {
        if ((app.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions()).Enabled)
            app.UseRateLimiter();
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions options)
    {
        if (context.Request.Path.StartsWithSegments("/health"))
            return RateLimitPartition.GetNoLimiter("health");
        if (context.User.ToCaller() is not { } caller)
            return Bucket("anonymous:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"), options.AnonymousPerMinute);
        if (IsUpload(context.Request))
            return Bucket("upload:" + caller.UserId, options.UploadsPerMinute);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method))
            return Bucket("write:" + caller.UserId, options.WritesPerMinute);
        return RateLimitPartition.GetNoLimiter("read");
    }

    private static bool IsUpload(HttpRequest request) =>
        HttpMethods.IsPut(request.Method) && request.Path.Value?.EndsWith("/$value", StringComparison.OrdinalIgnoreCase) == true;

    private static RateLimitPartition<string> Bucket(string key, int perMinute) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, perMinute),
            TokensPerPeriod = Math.Max(1, (int)Math.Ceiling(perMinute / 60.0)),
            ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1, 60.0 / Math.Max(1, perMinute) * Math.Ceiling(perMinute / 60.0))),
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    private static async ValueTask RejectAsync(OnRejectedContext rejected)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
            ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))
            : 1;
        var retry = seconds.ToString(CultureInfo.InvariantCulture);
        await ODataErrorMiddleware.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "TooManyRequests",
            $"请求过于频繁，请 {seconds} 秒后重试 (too many requests; retry after {seconds} s)", null, [],
            new Dictionary<string, string> { ["Retry-After"] = retry });
    }
}
