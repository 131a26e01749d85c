using ResourceHub.Application.Contests;
using ResourceHub.Domain.Contests;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages.Contests;

/// <summary>评选活动: every contest with its phase and dates; admins find the form for a new one here.</summary>
public sealed class IndexModel(ContestResults results) : WorkPage
{
    public IReadOnlyList<Contest> Contests { get; private set; } = [];
    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        ShowDone(done);
        var caller = await CallerAsync(ct);
        CanCreate = caller.IsAdmin;
        Contests = await results.ListAsync(ct);
        ViewData["Title"] = "评选活动";
    }
}
