using ResourceHub.Application.Curation;
using ResourceHub.Domain.Curation;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages.Admin;

/// <summary>Every rubric (the rules are public), with a link to change those of the admin's region.</summary>
public sealed class RubricsModel(RubricAdmin rubrics) : WorkPage
{
    public IReadOnlyList<(Rubric Rubric, bool Editable)> Items { get; private set; } = [];

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        ShowDone(done);
        var caller = await CallerAsync(ct);
        if (!caller.IsAdmin)
            throw Application.AppError.Forbidden("只有管理员可以管理量规 (only admins manage rubrics)");
        var list = new List<(Rubric, bool)>();
        foreach (var r in await rubrics.ListAsync(ct))
            list.Add((r, await rubrics.CanEditAsync(caller, r, ct)));
        Items = list;
        ViewData["Title"] = "评审量规";
    }
}
