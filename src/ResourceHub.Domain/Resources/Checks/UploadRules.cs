using System.Globalization;
using System.Text.Json;

namespace ResourceHub.Domain.Resources.Checks;

/// <summary>The 规范性检查 rules of every kind (upload-rules.json, embedded) and their evaluation.</summary>
public static class UploadRules
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyList<UploadRule> All { get; } = Load();

    public static IReadOnlyList<UploadRule> For(string kind) => All.Where(r => r.Kind == kind).ToList();

    public static IReadOnlyList<CheckResult> Evaluate(UploadFacts facts) => For(facts.Kind).Select(r => Evaluate(r, facts)).ToList();

    private static CheckResult Evaluate(UploadRule rule, UploadFacts facts)
    {
        if (rule.Check == "contains")
            return Contains(rule, facts.ContainedKinds ?? []);
        if (facts.FileName is null)
            return new CheckResult(rule, CheckOutcome.Pending, "尚未上传文件");
        return rule.Check switch
        {
            "format" => Format(rule, facts.FileName),
            "duration" => facts.DurationSeconds is { } seconds
                ? new CheckResult(rule, InRange(seconds / 60, rule.MinMinutes, rule.MaxMinutes) ? CheckOutcome.Passed : CheckOutcome.Failed, "当前时长 " + Minutes(seconds))
                : new CheckResult(rule, CheckOutcome.Pending, "视频处理完成后检查"),
            "resolution" => facts.VideoShortSide is { } side
                ? new CheckResult(rule, side >= rule.MinShortSide ? CheckOutcome.Passed : CheckOutcome.Failed, $"当前 {side}p")
                : new CheckResult(rule, CheckOutcome.Pending, "视频处理完成后检查"),
            _ => throw new InvalidOperationException($"upload-rules.json: unknown check '{rule.Check}' in rule {rule.Id}"),
        };
    }

    private static CheckResult Format(UploadRule rule, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var ok = rule.Extensions?.Contains(extension, StringComparer.OrdinalIgnoreCase) == true;
        return new CheckResult(rule, ok ? CheckOutcome.Passed : CheckOutcome.Failed, ok ? null : $"当前文件为 {(extension.Length > 0 ? extension : "无扩展名")}");
    }

    private static CheckResult Contains(UploadRule rule, IReadOnlyList<string> held)
    {
        var missing = (rule.Kinds ?? []).Where(k => !held.Contains(k)).ToList();
        return missing.Count == 0
            ? new CheckResult(rule, CheckOutcome.Passed, null)
            : new CheckResult(rule, CheckOutcome.Failed, "缺少" + string.Join("、", missing.Select(k => Taxonomy.TaxonomyCatalog.Default.Kinds.NameOf(k) ?? k)));
    }

    private static bool InRange(double value, double? min, double? max) => (min is null || value >= min) && (max is null || value <= max);

    private static string Minutes(double seconds)
    {
        var whole = (int)Math.Round(seconds);
        return whole >= 60
            ? string.Create(CultureInfo.InvariantCulture, $"{whole / 60} 分 {whole % 60} 秒")
            : string.Create(CultureInfo.InvariantCulture, $"{whole} 秒");
    }

    private sealed record RuleFile(List<UploadRule> Rules);

    private static IReadOnlyList<UploadRule> Load()
    {
        using var stream = typeof(UploadRules).Assembly.GetManifestResourceStream("ResourceHub.Domain.upload-rules.json")
            ?? throw new InvalidOperationException("upload-rules.json is not embedded in ResourceHub.Domain");
        var rules = JsonSerializer.Deserialize<RuleFile>(stream, Json)?.Rules
                    ?? throw new InvalidOperationException("upload-rules.json has no rules");
        return rules;
    }
}
