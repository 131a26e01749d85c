using System.Globalization;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Web.Rendering;

/// <summary>What pages show for codes and numbers: taxonomy names, role names, durations, sizes (the code only when the taxonomy lacks it).</summary>
public static class Names
{
    private static readonly TaxonomyCatalog T = TaxonomyCatalog.Default;

    private static readonly Dictionary<string, string> RoleNames = new()
    {
        [Roles.Teacher] = "教师",
        [Roles.WorkshopHost] = "坊主",
        [Roles.Expert] = "学科专家",
        [Roles.Vendor] = "课程供应商",
        [Roles.Admin] = "管理员",
    };

    private static readonly Dictionary<string, string> StepNames = new()
    {
        ["submit"] = "提交审核", ["start-review"] = "开始评审", ["review"] = "专家评审", ["third-reviewer"] = "增加评审专家",
        ["publish"] = "发布", ["request-changes"] = "退回修改", ["reject"] = "不予通过", ["nominate"] = "推优",
        ["recommend"] = "推荐", ["retire"] = "淘汰", ["revise"] = "修订", ["transfer"] = "转移机构",
    };

    public static string Role(string role) => RoleNames.GetValueOrDefault(role, role);
    /// <summary>A History step (CurationActions code) in Chinese.</summary>
    public static string Step(string code) => StepNames.GetValueOrDefault(code, code);
    public static string Stage(string? code) => T.Stages.NameOf(code) ?? code ?? "";
    public static string Subject(string? code) => T.Subjects.NameOf(code) ?? code ?? "";
    public static string Kind(string? code) => T.Kinds.NameOf(code) ?? code ?? "";
    public static string Topic(string? code) => T.Topics.NameOf(code) ?? code ?? "";
    public static string Level(string? code) => T.Levels.NameOf(code) ?? code ?? "";
    public static string Status(string? code) => T.Statuses.NameOf(code) ?? code ?? "";

    /// <summary>12:05 or 1:02:03.</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not { } s || s <= 0)
            return "";
        var t = TimeSpan.FromSeconds(Math.Round(s));
        return t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
    }

    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MB",
        >= 1L << 10 => $"{bytes / 1024.0:0} KB",
        _ => $"{bytes} 字节",
    };

    public static string Date(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaTime).ToString("yyyy年M月d日", CultureInfo.InvariantCulture);

    private static readonly TimeZoneInfo ChinaTime = FindChinaTime();

    private static TimeZoneInfo FindChinaTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("UTC+8", TimeSpan.FromHours(8), "UTC+8", "UTC+8");
        }
    }
}
