namespace ResourceHub.Api.Cli;

/// <summary>"--name value" pairs; a name may repeat.</summary>
public sealed class CliOptions
{
    private readonly List<(string Name, string Value)> _pairs = [];

    public static CliOptions Parse(string[] args)
    {
        var options = new CliOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
                continue;
            var name = args[i][2..];
            var value = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "true";
            options._pairs.Add((name, value));
        }
        return options;
    }

    public string? Single(string name) => _pairs.LastOrDefault(p => p.Name == name).Value;

    public IReadOnlyList<string> All(string name) => _pairs.Where(p => p.Name == name).Select(p => p.Value).ToList();
}
