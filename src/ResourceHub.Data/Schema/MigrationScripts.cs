namespace ResourceHub.Data.Schema;

public sealed record MigrationScript(string Version, string Sql);

/// <summary>The embedded Migrations/{provider}/NNNN_name.sql files, in version order.</summary>
public static class MigrationScripts
{
    public static IReadOnlyList<MigrationScript> For(string provider)
    {
        var assembly = typeof(MigrationScripts).Assembly;
        var prefix = $"ResourceHub.Data.Migrations.{provider}/";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new MigrationScript(Path.GetFileNameWithoutExtension(n[prefix.Length..]), reader.ReadToEnd());
            })
            .ToList();
    }
}
