using ResourceHub.Application.Curation;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages.Review;

/// <summary>评审工作台: the items awaiting this expert, oldest first.</summary>
public sealed class IndexModel(ReviewDesk desk) : WorkPage
{
    public IReadOnlyList<QueuedItem> Queue { get; private set; } = [];

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        ShowDone(done);
        Queue = await desk.QueueAsync(await CallerAsync(ct), ct);
    }
}
