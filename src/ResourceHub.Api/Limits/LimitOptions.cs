namespace ResourceHub.Api.Limits;

/// <summary>
/// Config section "ResourceHub:Limits": how much one request may send and make the server do.
/// Uploads (PUT $value) have their own limit, ResourceHub:Blobs:MaxBytes.
/// </summary>
public sealed class LimitOptions
{
    public const string Section = "ResourceHub:Limits";

    /// <summary>An entity payload or action parameters.</summary>
    public long JsonBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>A whole JSON $batch request.</summary>
    public long BatchBodyBytes { get; set; } = 4 * 1024 * 1024;

    public int BatchRequests { get; set; } = 100;

    /// <summary>The sum of a $batch's response bodies; parts after the budget is spent are not run.</summary>
    public long BatchResponseBytes { get; set; } = 16 * 1024 * 1024;

    public static LimitOptions From(IConfiguration config) => config.GetSection(Section).Get<LimitOptions>() ?? new LimitOptions();

    public static LimitOptions Of(HttpContext context) =>
        context.RequestServices.GetService<LimitOptions>() ?? new LimitOptions();
}
