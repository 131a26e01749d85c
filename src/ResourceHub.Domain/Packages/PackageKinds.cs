namespace ResourceHub.Domain.Packages;

/// <summary>What a package is: an ordinary 资源包, or a 课例 whose 规范性检查 asks for a lesson design and a reflection.</summary>
public static class PackageKinds
{
    public const string General = "general";
    public const string LessonCase = "lesson-case";

    public static readonly IReadOnlyList<string> All = [General, LessonCase];

    public static string NameOf(string kind) => kind == LessonCase ? "课例资源包" : "资源包";

    public static string? Check(string kind) =>
        All.Contains(kind) ? null : $"资源包类型“{kind}”不存在，可用值：general（资源包）、lesson-case（课例资源包） (unknown package kind)";
}
