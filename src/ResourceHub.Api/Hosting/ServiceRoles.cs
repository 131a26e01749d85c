namespace ResourceHub.Api.Hosting;

/// <summary>
/// ResourceHub:Role — all (default: API and background work in one process), api (requests only)
/// or worker (background work and /health only; also the `worker` verb).
/// </summary>
public static class ServiceRoles
{
    public const string ConfigKey = "ResourceHub:Role";
    public const string All = "all";
    public const string Api = "api";
    public const string Worker = "worker";

    public static string Of(IConfiguration config)
    {
        var role = (config[ConfigKey] ?? All).Trim().ToLowerInvariant();
        return role is All or Api or Worker
            ? role
            : throw new InvalidOperationException($"{ConfigKey} '{role}' is not supported (use all, api or worker)");
    }

    public static bool RunsWorker(IConfiguration config) => Of(config) != Api;
    public static bool ServesApi(IConfiguration config) => Of(config) != Worker;

    /// <summary>`worker [options]` is the service started with ResourceHub:Role=worker.</summary>
    public static string[] FromVerb(string[] args) =>
        args is [Worker, .. var rest] ? [.. rest, $"--{ConfigKey}={Worker}"] : args;
}
