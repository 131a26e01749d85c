using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Jobs;

namespace ResourceHub.Api.Media;

/// <summary>
/// A media job's scratch folder, <c>{temp}/rh-media-{job id}-{random}</c>. A worker killed mid-job leaves its folder
/// behind (often hundreds of MB of partial renditions); the next worker start removes every such folder whose job
/// is not leased by a live worker right now.
/// </summary>
public sealed class WorkFolders(ResourceHubDbContext db, TimeProvider clock)
{
    private const string Prefix = "rh-media-";

    /// <summary>Where the folders live: the process's temp folder (TMPDIR).</summary>
    public static string Root => Path.GetTempPath();

    public static string Create(Guid jobId) => Directory.CreateTempSubdirectory($"{Prefix}{jobId:N}-").FullName;

    /// <summary>Deletes stale folders under <paramref name="root"/>; returns how many.</summary>
    public async Task<int> SweepStaleAsync(string root, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leased = (await db.MediaJobs.AsNoTracking()
            .Where(j => j.State == JobState.Running && j.LeaseUntil >= now)
            .Select(j => j.Id).ToListAsync(ct)).ToHashSet();
        var swept = 0;
        foreach (var folder in new DirectoryInfo(root).EnumerateDirectories(Prefix + "*"))
        {
            var stale = JobOf(folder.Name) is { } job
                ? !leased.Contains(job)
                : folder.LastWriteTimeUtc < now - lease; // a folder from before job ids were in the name
            if (stale && TryDelete(folder))
                swept++;
        }
        return swept;
    }

    private static Guid? JobOf(string name) =>
        name.Length >= Prefix.Length + 32
        && Guid.TryParseExact(name.AsSpan(Prefix.Length, 32), "N", out var id) ? id : null;

    public static bool TryDelete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
