using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResourceHub.Application;
using ResourceHub.Application.Curation;
using ResourceHub.Application.Duplicates;
using ResourceHub.Application.Identity;
using ResourceHub.Application.Media;
using ResourceHub.Application.Packages;
using ResourceHub.Application.Resources;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Renditions;
using ResourceHub.Domain.Resources;
using ResourceHub.Web.Hosting;
using ResourceHub.Web.Pages.Shared;
using ResourceHub.Web.Rendering;

namespace ResourceHub.Web.Pages.Resources;

/// <summary>A resource: player or previews, description, facts, why it is recommended, rating and download.</summary>
public sealed class DetailModel(ResourceReader reader, ResourceFacts facts, CurationRunner curation, MediaLinks links, MarkdownRenderer markdown,
    Baskets baskets, DuplicateMatches duplicates, ResourceMerging merging)
    : PageModel
{
    public Resource Resource { get; private set; } = null!;
    public ResourceStats? Stats { get; private set; }
    public IReadOnlyList<Rendition> Renditions { get; private set; } = [];
    public int? MyStars { get; private set; }
    public string? OwnerName { get; private set; }
    public IHtmlContent Description { get; private set; } = HtmlString.Empty;
    public string? Message { get; private set; }
    public bool MessageIsError { get; private set; }
    public bool CanRate { get; private set; }
    public bool InBasket { get; private set; }
    /// <summary>可能重复, for reviewers (experts, admins); admins merge from it.</summary>
    public DuplicatePanel Duplicates { get; private set; } = DuplicatePanel.None;

    [FromRoute] public Guid Id { get; set; }

    /// <param name="done">The notice of the basket form, which posts to /basket and comes back here.</param>
    public async Task<IActionResult> OnGetAsync([FromQuery] bool rated, [FromQuery] string? done, CancellationToken ct)
    {
        if (await merging.KeptIdAsync(Id, ct) is { } kept)
            return RedirectPermanent($"/resources/{kept}"); // a merged duplicate's address leads to the item kept
        await LoadAsync(ct);
        if (rated)
            Message = "感谢评分！您的评分已记录。";
        else if (!string.IsNullOrWhiteSpace(done))
            Message = done;
        return Page();
    }

    /// <summary>An admin keeps this item and merges the duplicate into it (<see cref="ResourceMerging"/>).</summary>
    public Task<IActionResult> OnPostMergeAsync([FromForm] Guid? duplicate, CancellationToken ct) =>
        PostAsync(async caller =>
        {
            await merging.MergeAsync(caller, Id, duplicate ?? Guid.Empty, ct);
            return Redirect($"/resources/{Id}?done={Uri.EscapeDataString("已合并重复资源，原地址将跳转到本资源。")}#duplicates");
        }, ct);

    public Task<IActionResult> OnPostRateAsync([FromForm] int? stars, CancellationToken ct) =>
        PostAsync(async caller =>
        {
            if (stars is not (>= Rating.MinStars and <= Rating.MaxStars))
                throw AppError.BadRequest($"请选择 {Rating.MinStars}–{Rating.MaxStars} 星 (choose 1 to 5 stars)", "stars");
            await curation.RateAsync(caller, Id, stars.Value, checkVersion: null, pinned: false, ct);
            return Redirect($"/resources/{Id}?rated=true#rate");
        }, ct);

    /// <summary>Runs a form's use case; a refusal is shown on the page with its status.</summary>
    private async Task<IActionResult> PostAsync(Func<Caller, Task<IActionResult>> run, CancellationToken ct)
    {
        try
        {
            return await run(await HttpContext.SignedInCallerAsync(ct));
        }
        catch (Exception e) when (e is AppError or CurationError)
        {
            await LoadAsync(ct);
            Message = e.Message;
            MessageIsError = true;
            Response.StatusCode = e is AppError a ? AppError.HttpStatusOf(a.Kind) : StatusCodes.Status400BadRequest;
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var caller = await HttpContext.SignedInCallerAsync(ct);
        Resource = await reader.ShowAsync(caller, Id, ct);
        Stats = (await facts.StatsAsync([Id], ct)).GetValueOrDefault(Id);
        Renditions = (await facts.RenditionsAsync([Id], ct))[Id].ToList();
        MyStars = await facts.MyStarsAsync(caller, Id, ct);
        OwnerName = Resource.OwnerOrg.Length == 0 ? null : await facts.OrganizationNameAsync(Resource.OwnerOrg, ct) ?? Resource.OwnerOrg;
        Description = markdown.Render(Resource.Description);
        CanRate = caller.Is(Roles.Teacher) && Resource.CreatedBy != caller.UserId
                  && Resource.Status is ResourceStatus.Published or ResourceStatus.Recommended;
        InBasket = (await baskets.InBasketAsync(caller, [Id], ct)).Count > 0;
        if (DuplicateMatches.SeesAll(caller))
            Duplicates = await DuplicatePanel.LoadAsync(
                await duplicates.OfAsync(caller, Id, ct), facts, canMerge: caller.IsAdmin, ct);
        ViewData["Title"] = Resource.Title;
    }

    public bool Has(string kind) => Renditions.Any(r => r.Kind == kind);

    public string Link(string what) => links.Url(Resource.Id, User.ToCaller()!.UserId, what);

    public MediaPreview Preview => new(Resource, Renditions, Link, Description);

    public double? AverageStars => Stats is { RatingCount: > 0 } s ? s.RatingSum / (double)s.RatingCount : null;
}
