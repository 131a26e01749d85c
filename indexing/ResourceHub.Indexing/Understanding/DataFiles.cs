namespace ResourceHub.Indexing.Understanding;

/// <summary>The data files shipped inside the assembly (Understanding/Data, see the NOTICE files for their sources).</summary>
internal static class DataFiles
{
    public static Stream Open(string name) =>
        typeof(DataFiles).Assembly.GetManifestResourceStream("ResourceHub.Indexing.Understanding." + name)
        ?? throw new InvalidOperationException($"{name} is not embedded in ResourceHub.Indexing");

    public static string Text(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }

    /// <summary>Non-empty lines that are not # comments.</summary>
    public static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
}
