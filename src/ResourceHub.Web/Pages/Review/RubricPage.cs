using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application.Curation;
using ResourceHub.Domain.Access;
using ResourceHub.Web.Hosting;
using ResourceHub.Web.Pages.Shared;

namespace ResourceHub.Web.Pages.Review;

/// <summary>
/// A review page (a resource's or a package's): shows the round with the rubric form and posts the expert's scores to
/// the item's use case; what was typed comes back with a refusal.
/// </summary>
public abstract class RubricPage : WorkPage
{
    private Dictionary<string, string> _entered = [];
    private string? _verdict, _comment;

    [FromRoute] public Guid Id { get; set; }

    /// <summary>The round shown, set by <see cref="WorkPage.LoadAsync"/>.</summary>
    protected abstract ReviewRound Round { get; }

    /// <summary>Where the page is (a successful review redirects back to it).</summary>
    protected abstract string Path { get; }

    protected abstract Task ReviewAsync(Caller caller, ReviewInput input, CancellationToken ct);

    public ReviewRoundForm Form => new(Round, _entered, _verdict, _comment);

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        ShowDone(done);
        await LoadAsync(ct);
    }

    /// <summary>criterion[i] names the criterion whose points are points[i]; the server recomputes the total.</summary>
    public Task<IActionResult> OnPostAsync([FromForm] string[] criterion, [FromForm] string[] points, [FromForm] string? verdict,
        [FromForm] string? comment, CancellationToken ct)
    {
        (_entered, _verdict, _comment) = (ReviewRoundForm.Typed(criterion, points), verdict, comment);
        return SubmitAsync(Path, async caller =>
        {
            await ReviewAsync(caller, new ReviewInput(ReviewRoundForm.Scores(criterion, points), verdict, comment), ct);
            return "评审已提交，感谢您的评审！";
        }, ct);
    }
}
