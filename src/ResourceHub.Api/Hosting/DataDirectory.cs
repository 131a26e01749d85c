namespace ResourceHub.Api.Hosting;

/// <summary>Where the embedded defaults keep their files (database, blobs, index, signing key).</summary>
public static class DataDirectory
{
    public const string ConfigKey = "ResourceHub:DataDir";

    public static string Resolve(IConfiguration config)
    {
        var dir = Path.GetFullPath(config[ConfigKey] is { Length: > 0 } configured ? configured : "data");
        Directory.CreateDirectory(dir);
        return dir;
    }
}
