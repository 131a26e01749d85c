using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Domain.Jobs;
using ResourceHub.Media.Pipeline;
using ResourceHub.Testing;

namespace ResourceHub.Bench.Fault;

/// <summary>What the drained system must satisfy; each broken rule is one line in <see cref="Problems"/>.</summary>
public sealed class Consistency
{
    public List<string> Problems { get; } = [];
    public int FilesChecked { get; private set; }
    public int RenditionsChecked { get; private set; }
    public Dictionary<string, int> JobStates { get; private set; } = [];

    /// <summary>
    /// Every row's file hashes to its Sha256 when fetched through the API; every file has exactly one live job and it
    /// succeeded (nothing failed, nothing left queued or running); every item has at most one rendition per kind, all
    /// from one set, each servable; no worker left a work folder behind.
    /// </summary>
    public static async Task<Consistency> CheckAsync(TestDatabase database, HttpClient http, string adminToken, string workerTemp)
    {
        var check = new Consistency();
        await using var db = database.CreateContext();
        var resources = (await db.Resources.AsNoTracking().ToListAsync()).Where(r => r.File is not null).ToList();
        var jobs = await db.MediaJobs.AsNoTracking().ToListAsync();
        var renditions = await db.Renditions.AsNoTracking().ToListAsync();
        check.JobStates = jobs.GroupBy(j => j.State).ToDictionary(g => g.Key, g => g.Count());

        foreach (var resource in resources)
        {
            using var response = await SendAsync(http, adminToken, $"/odata/Resources({resource.Id})/$value");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            check.FilesChecked++;
            if (response.StatusCode != HttpStatusCode.OK)
                check.Problems.Add($"file of {resource.Id}: GET $value answered {(int)response.StatusCode}");
            else if (sha != resource.File!.Sha256 || bytes.Length != resource.File.Size)
                check.Problems.Add($"file of {resource.Id}: served {bytes.Length} B sha {sha[..12]}…, row says {resource.File!.Size} B sha {resource.File.Sha256[..Math.Min(12, resource.File.Sha256.Length)]}…");

            var live = jobs.Where(j => j.ResourceId == resource.Id && j.State != JobState.Cancelled).ToList();
            if (live is not [{ State: JobState.Succeeded }])
                check.Problems.Add($"jobs of {resource.Id}: {(live.Count == 0 ? "none" : string.Join(", ", live.Select(j => $"{j.State} after {j.Attempts} attempts {j.LastError}")))} (want one succeeded)");
        }
        foreach (var job in jobs.Where(j => j.IsActive))
            check.Problems.Add($"job {job.Id} left {job.State} (lease until {job.LeaseUntil:HH:mm:ss}) after the drain");
        foreach (var job in jobs.Where(j => j.State == JobState.Failed))
            check.Problems.Add($"job {job.Id} failed after {job.Attempts} attempts: {job.LastError}");

        foreach (var set in renditions.GroupBy(r => r.ResourceId))
        {
            foreach (var kind in set.GroupBy(r => r.Kind).Where(g => g.Count() > 1))
                check.Problems.Add($"renditions of {set.Key}: {kind.Count()} × {kind.Key}");
            if (set.Select(r => r.BlobPrefix).Distinct().Count() > 1)
                check.Problems.Add($"renditions of {set.Key}: mixed from {set.Select(r => r.BlobPrefix).Distinct().Count()} sets");
        }
        foreach (var rendition in renditions.Where(r => r.Kind != RenditionKind.Hls.Key()))
        {
            using var response = await SendAsync(http, adminToken, $"/odata/Renditions({rendition.Id})/$value", new RangeHeaderValue(0, 0));
            check.RenditionsChecked++;
            if (response.StatusCode != HttpStatusCode.PartialContent)
                check.Problems.Add($"rendition {rendition.Kind} of {rendition.ResourceId}: GET $value answered {(int)response.StatusCode}");
        }
        foreach (var video in resources.Where(r => r.File!.ContentType.StartsWith("video/", StringComparison.Ordinal)))
            if (!renditions.Any(r => r.ResourceId == video.Id && r.Kind == "mp4-720p"))
                check.Problems.Add($"video {video.Id} has no mp4-720p rendition");

        foreach (var folder in Directory.GetDirectories(workerTemp, "rh-media-*"))
            check.Problems.Add($"work folder left behind: {Path.GetFileName(folder)}");
        return check;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string token, string url, RangeHeaderValue? range = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Range = range;
        return await http.SendAsync(request);
    }
}
