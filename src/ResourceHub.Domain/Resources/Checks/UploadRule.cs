namespace ResourceHub.Domain.Resources.Checks;

/// <summary>One 规范性检查 rule of a resource kind (or a package kind), as written in upload-rules.json.</summary>
/// <param name="Check">duration (minutes), resolution (the source video's short side), format (file extension) or, for
/// packages, contains (the resource kinds it must hold, <paramref name="Kinds"/>).</param>
public sealed record UploadRule(
    string Id,
    string Kind,
    string Check,
    string Message,
    bool BlocksSubmit,
    double? MinMinutes = null,
    double? MaxMinutes = null,
    int? MinShortSide = null,
    IReadOnlyList<string>? Extensions = null,
    IReadOnlyList<string>? Kinds = null);

public enum CheckOutcome
{
    Passed,
    Failed,
    /// <summary>Not decidable yet: no file, or the video is still being processed.</summary>
    Pending,
}

/// <summary>A rule applied to one item; <see cref="Found"/> says what was measured (时长 3 分 10 秒 …).</summary>
/// <remarks>Outcome null: the rule alone, not applied to an item (the list shown before uploading).</remarks>
public sealed record CheckResult(UploadRule Rule, CheckOutcome? Outcome, string? Found)
{
    /// <summary>Failed and the rule says Submit waits until it is fixed.</summary>
    public bool Blocks => Outcome == CheckOutcome.Failed && Rule.BlocksSubmit;

    /// <summary>The rule's message with what was found, for people.</summary>
    public string Text => Found is null ? Rule.Message : $"{Rule.Message}（{Found}）";
}

/// <summary>What the checks look at: the kind, the file's name, and what the media job measured.</summary>
/// <param name="VideoShortSide">The source video's short side in pixels as far as known (null until transcoded).</param>
/// <param name="ContainedKinds">For a package: the kinds of the resources it holds.</param>
public sealed record UploadFacts(string Kind, string? FileName, double? DurationSeconds, int? VideoShortSide,
    IReadOnlyList<string>? ContainedKinds = null);
