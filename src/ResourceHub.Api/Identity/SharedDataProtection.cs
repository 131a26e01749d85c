using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using ResourceHub.Data.Coordination;
using ResourceHub.Data.Keys;

namespace ResourceHub.Api.Identity;

/// <summary>
/// Data protection (cookies, antiforgery) with its key ring in the database, shared by every replica.
/// </summary>
public static class SharedDataProtection
{
    public const string ApplicationName = "ResourceHub";
    private const string LeaseName = "data-protection-key";
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(90);
    /// <summary>A key closer to its end than this gets a successor at start (ASP.NET itself rotates 2 days before).</summary>
    private static readonly TimeSpan RenewBefore = TimeSpan.FromDays(7);

    public static IServiceCollection AddSharedDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<IServiceScopeFactory>((o, scopes) => o.XmlRepository = new DatabaseXmlRepository(scopes));
        return services;
    }

    /// <summary>
    /// Creates the first key (or a successor) under a lease, so replicas starting together agree on one key
    /// instead of each minting its own.
    /// </summary>
    public static async Task EnsureKeyAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var lease = new LeaseHolder(services.GetRequiredService<IServiceScopeFactory>(), LeaseName);
        var deadline = DateTime.UtcNow + lease.Duration * 2;
        while (!await lease.TryHoldAsync(ct))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"lease '{LeaseName}' stayed taken for {lease.Duration * 2}");
            await Task.Delay(100, ct);
        }
        try
        {
            var keys = services.GetRequiredService<IKeyManager>();
            var now = DateTimeOffset.UtcNow;
            if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now + RenewBefore))
                keys.CreateNewKey(now, now + KeyLifetime);
        }
        finally
        {
            await lease.ReleaseAsync();
        }
    }
}
