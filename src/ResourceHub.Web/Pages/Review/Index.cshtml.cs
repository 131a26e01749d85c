using ResourceHub.Application.Curation;
using ResourceHub.Application.Duplicates;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages.Review;

/// <summary>评审工作台: the items and packages awaiting this expert, oldest first.</summary>
public sealed class IndexModel(ReviewDesk desk, DuplicateMatches duplicates) : WorkPage
{
    public IReadOnlyList<QueuedItem> Queue { get; private set; } = [];
    /// <summary>资源包 awaiting this expert, reviewed with the same rubric form.</summary>
    public IReadOnlyList<Domain.Packages.Package> Packages { get; private set; } = [];
    /// <summary>How many possible duplicates each queued item has (可能重复), where it has any.</summary>
    public IReadOnlyDictionary<Guid, int> Duplicates { get; private set; } = new Dictionary<Guid, int>();

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        ShowDone(done);
        var caller = await CallerAsync(ct);
        Queue = await desk.QueueAsync(caller, ct);
        Packages = await desk.PackageQueueAsync(caller, ct);
        Duplicates = (await duplicates.ForAsync(caller, Queue.Select(q => q.Live.Id).ToList(), ct))
            .Where(d => d.Value.Any(m => m.ResolvedAt is null)).ToDictionary(d => d.Key, d => d.Value.Count(m => m.ResolvedAt is null));
    }
}
