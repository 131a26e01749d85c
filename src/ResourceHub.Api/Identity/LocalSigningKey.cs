using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using ResourceHub.Data;
using ResourceHub.Data.Keys;

namespace ResourceHub.Api.Identity;

/// <summary>
/// The local HMAC key that signs tokens minted by the CLI verb: generated once and kept in the database,
/// so every API replica accepts the same tokens and they stay valid across restarts. Nothing secret is
/// committed.
/// </summary>
public static class LocalSigningKey
{
    public const string SecretName = "jwt-signing-key";

    public static async Task<SymmetricSecurityKey> LoadOrCreateAsync(ResourceHubDbContext db, string dataDir, CancellationToken ct = default)
    {
        var value = await new SharedSecretStore(db).GetOrAddAsync(SecretName,
            () => LegacyFile(dataDir) ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), ct);
        return new SymmetricSecurityKey(Convert.FromBase64String(value)) { KeyId = "local" };
    }

    /// <summary>Older versions kept the key in the data directory: adopt it, so tokens minted then stay valid.</summary>
    private static string? LegacyFile(string dataDir)
    {
        var path = Path.Combine(dataDir, "keys", "jwt-signing.key");
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}

/// <summary>The local signing key for this process, read from the database once the schema is in place.</summary>
public sealed class LocalSigningKeySource(IServiceScopeFactory scopes, string dataDir)
{
    private readonly Lazy<SymmetricSecurityKey> _key = new(() =>
    {
        using var scope = scopes.CreateScope();
        return LocalSigningKey.LoadOrCreateAsync(scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>(), dataDir)
            .GetAwaiter().GetResult();
    });

    /// <summary>First use reads (or creates) the key; <see cref="Hosting.StorageStartup"/> does that before serving.</summary>
    public SymmetricSecurityKey Key => _key.Value;
}
