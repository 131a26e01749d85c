namespace ResourceHub.Media.Processes;

/// <summary>Finds an executable from configuration or PATH.</summary>
public static class ToolLocator
{
    /// <returns>Full path, or null when the tool is not installed.</returns>
    public static string? Find(string? configuredPath, string name)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
            return File.Exists(configuredPath) ? Path.GetFullPath(configuredPath) : null;

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var names = OperatingSystem.IsWindows() ? new[] { name + ".exe", name } : new[] { name };
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var candidate in names)
            {
                var full = Path.Combine(directory, candidate);
                if (File.Exists(full))
                    return full;
            }
        }
        return null;
    }
}
