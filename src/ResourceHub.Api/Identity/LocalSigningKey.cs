using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace ResourceHub.Api.Identity;

/// <summary>
/// The embedded profile's HMAC key: generated once on first run inside the data directory, so
/// tokens minted by the CLI verb stay valid across restarts and nothing secret is committed.
/// </summary>
public static class LocalSigningKey
{
    public static SymmetricSecurityKey LoadOrCreate(string dataDir)
    {
        var path = Path.Combine(dataDir, "keys", "jwt-signing.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = path + "." + Guid.NewGuid().ToString("N");
            File.WriteAllText(temp, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            try { File.Move(temp, path); }
            catch (IOException) { File.Delete(temp); } // another process created it first: use theirs
        }
        return new SymmetricSecurityKey(Convert.FromBase64String(File.ReadAllText(path).Trim())) { KeyId = "local" };
    }
}
