using System.Text;

namespace ResourceHub.Application.Intake;

/// <summary>A package to import: the manifest and the files it names, from a folder or a ZIP.</summary>
public interface IImportPackage : IDisposable
{
    /// <summary>Every file, as a relative path with '/' separators (NFC).</summary>
    IReadOnlyCollection<string> Files { get; }
    Stream Open(string path);
}

/// <summary>Finds the manifest in a package and resolves the file names its rows give.</summary>
public static class PackagePaths
{
    private static readonly string[] PreferredStems = ["manifest", "清单", "导入清单"];

    /// <summary>The shallowest .csv/.xlsx; where there are several, the one named manifest/清单.</summary>
    public static string FindManifest(IImportPackage package)
    {
        var candidates = package.Files.Where(ManifestReader.IsManifestName).ToList();
        if (candidates.Count == 0)
            throw AppError.BadRequest("压缩包或文件夹中没有清单（.csv 或 .xlsx）(no manifest in the package)", "manifest");
        var depth = candidates.Min(Depth);
        var top = candidates.Where(c => Depth(c) == depth).ToList();
        if (top.Count == 1)
            return top[0];
        var named = top.Where(c => PreferredStems.Contains(Path.GetFileNameWithoutExtension(c), StringComparer.OrdinalIgnoreCase)).ToList();
        return named.Count == 1
            ? named[0]
            : throw AppError.BadRequest($"找到多个清单：{string.Join("、", top)}，请只保留一个或命名为 manifest.csv / 清单.xlsx (several manifests)", "manifest");
    }

    /// <summary>A row's file name relative to the manifest's folder; null when it escapes the package.</summary>
    public static string? Resolve(string manifestPath, string fileName)
    {
        var clean = Normalize(fileName);
        if (clean is null)
            return null;
        var folder = manifestPath.Contains('/') ? manifestPath[..manifestPath.LastIndexOf('/')] + "/" : "";
        return folder + clean;
    }

    /// <summary>'/' separators, NFC, no empty or dot segments; null for an absolute or escaping path.</summary>
    public static string? Normalize(string path)
    {
        var parts = path.Replace('\\', '/').Normalize(NormalizationForm.FormC).Split('/');
        if (path.StartsWith('/') || path.StartsWith('\\') || path.Contains(':') || parts.Any(p => p == ".."))
            return null;
        var kept = parts.Where(p => p.Length > 0 && p != ".").ToList();
        if (kept.Count == 0 || kept.Any(p => p.Any(char.IsControl)))
            return null;
        return string.Join('/', kept);
    }

    /// <summary>Operating-system litter that is never part of a delivery (macOS resource forks, Windows thumbnails).</summary>
    public static bool IsLitter(string path) =>
        path.StartsWith("__MACOSX/", StringComparison.Ordinal) || Path.GetFileName(path).StartsWith("._", StringComparison.Ordinal)
        || Path.GetFileName(path) is "Thumbs.db" or ".DS_Store" or "desktop.ini";

    private static int Depth(string path) => path.Count(c => c == '/');
}

/// <summary>A folder on the importing machine (the CLI).</summary>
public sealed class FolderPackage : IImportPackage
{
    private readonly string _root;
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal); // normalized → on disk

    public FolderPackage(string root, ImportOptions options)
    {
        _root = Path.GetFullPath(root);
        foreach (var file in Directory.EnumerateFiles(_root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
        {
            if (_paths.Count == options.MaxEntries)
                throw AppError.BadRequest($"文件夹中的文件超过 {options.MaxEntries} 个，请分批导入 (too many files)", "package");
            var relative = PackagePaths.Normalize(Path.GetRelativePath(_root, file));
            if (relative is not null && !PackagePaths.IsLitter(relative))
                _paths.TryAdd(relative, file);
        }
    }

    public IReadOnlyCollection<string> Files => _paths.Keys;

    public Stream Open(string path) => File.OpenRead(_paths[path]);

    public void Dispose() { }
}
