using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Jobs;

namespace ResourceHub.Api.Media;

/// <summary>
/// A media job's scratch folder, <c>{temp}/rh-media-{job id}-{random}</c>. A worker killed mid-job leaves its folder
/// behind (often hundreds of MB of partial renditions); the next worker start removes every such folder whose job
/// this database knows and no live worker holds right now. A folder whose job this database does not know may
/// belong to another instance on the same host (a second deployment, a test run): it goes only once nothing in
/// it has been written for <see cref="ForeignAfter"/>.
/// </summary>
public sealed class WorkFolders(ResourceHubDbContext db, TimeProvider clock)
{
    private const string Prefix = "rh-media-";

    /// <summary>Where the folders live: the process's temp folder (TMPDIR).</summary>
    public static string Root => Path.GetTempPath();

    public static string Create(Guid jobId) => Directory.CreateTempSubdirectory($"{Prefix}{jobId:N}-").FullName;

    /// <summary>Deletes stale folders under <paramref name="root"/>; returns how many.</summary>
    public static readonly TimeSpan ForeignAfter = TimeSpan.FromHours(1);

    public async Task<int> SweepStaleAsync(string root, TimeSpan lease, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var folders = new DirectoryInfo(root).EnumerateDirectories(Prefix + "*").ToList();
        var named = folders.Select(f => JobOf(f.Name)).OfType<Guid>().Distinct().ToList();
        var known = (await db.MediaJobs.AsNoTracking().Where(j => named.Contains(j.Id))
            .Select(j => new { j.Id, Live = j.State == JobState.Running && j.LeaseUntil >= now }).ToListAsync(ct))
            .ToDictionary(j => j.Id, j => j.Live);
        var swept = 0;
        foreach (var folder in folders)
        {
            var stale = JobOf(folder.Name) is { } job && known.TryGetValue(job, out var live)
                ? !live
                : LastWrite(folder) < now - (JobOf(folder.Name) is null ? lease : ForeignAfter); // lease: a folder from before job ids were in the name
            if (stale && TryDelete(folder))
                swept++;
        }
        return swept;
    }

    private static DateTime LastWrite(DirectoryInfo folder)
    {
        try
        {
            return folder.EnumerateFiles("*", SearchOption.AllDirectories).Select(f => f.LastWriteTimeUtc)
                .Append(folder.LastWriteTimeUtc).Max();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return DateTime.MaxValue; // being changed or not ours to read: leave it
        }
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
