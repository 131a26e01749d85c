using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Resources.Checks;
using ResourceHub.Media.Pipeline;

namespace ResourceHub.Application.Resources;

/// <summary>
/// 规范性检查 of one item (the live fields, or its revision when one is pending): the kind's rules from upload-rules.json
/// against the file's name and what the media job measured. Submit refuses an item with a failed blocking rule.
/// </summary>
public sealed class UploadChecks(ResourceHubDbContext db)
{
    private static readonly string Mp4 = RenditionKind.Mp4720p.Key();

    /// <param name="item">The item as it would be submitted (see <see cref="Domain.Curation.ResourceRevision.Preview"/>).</param>
    public async Task<IReadOnlyList<CheckResult>> ForAsync(Resource item, CancellationToken ct)
    {
        if (UploadRules.For(item.Kind).Count == 0)
            return [];
        // The 720p MP4 is never larger than its source, so its short side is the source's up to 720; enough for a ≥720p rule.
        var video = await db.Renditions.AsNoTracking().Where(r => r.ResourceId == item.Id && r.Kind == Mp4)
            .Select(r => new { r.Width, r.Height }).FirstOrDefaultAsync(ct);
        return UploadRules.Evaluate(new UploadFacts(item.Kind, item.File?.FileName, item.DurationSeconds,
            video is null ? null : Math.Min(video.Width, video.Height)));
    }

    /// <summary>A package kind's rules (e.g. a 课例 holds a lesson design and a reflection) against the kinds it holds.</summary>
    public static IReadOnlyList<CheckResult> ForPackage(string packageKind, IReadOnlyList<string> heldKinds) =>
        UploadRules.Evaluate(new UploadFacts(packageKind, null, null, null, heldKinds));

    /// <summary>Throws the Chinese refusal (409) when a blocking rule failed.</summary>
    public static void RequireSubmittable(IReadOnlyList<CheckResult> results)
    {
        var blocking = results.Where(r => r.Blocks).ToList();
        if (blocking.Count > 0)
            throw Domain.Curation.CurationError.Conflict(
                $"未通过规范性检查，暂不能提交：{string.Join("；", blocking.Select(r => r.Text))} (upload checks failed: {string.Join(", ", blocking.Select(r => r.Rule.Id))})");
    }
}
