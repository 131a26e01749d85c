using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using ResourceHub.Application.Identity;
using ResourceHub.Blobs;
using ResourceHub.Domain.Access;
using ResourceHub.Data;

namespace ResourceHub.Api.Health;

/// <summary>/health answers while the process lives; /health/ready checks every backing store.</summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddResourceHubHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<BlobStoreHealthCheck>("blobs", tags: [ReadyTag])
            .AddCheck<ResourceHub.Api.Search.SearchIndexHealthCheck>("search", tags: [ReadyTag]);
        return services;
    }

    public static void MapResourceHubHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
    }

    /// <summary>Anyone sees the overall status; only an admin sees each check's detail (paths, counts, providers).</summary>
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        object body = context.User.ToCaller() is { Role: Roles.Admin }
            ? new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            }
            : new { status = report.Status.ToString() };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

internal sealed class DatabaseHealthCheck(ResourceHubDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct)
            ? HealthCheckResult.Healthy(db.Database.ProviderName)
            : HealthCheckResult.Unhealthy("database unreachable");
}

internal sealed class BlobStoreHealthCheck(IBlobStore blobs) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await blobs.IsReadyAsync(ct)
            ? HealthCheckResult.Healthy(blobs.GetType().Name)
            : HealthCheckResult.Unhealthy("blob store unreachable");
}
