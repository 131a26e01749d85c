using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResourceHub.Application;
using ResourceHub.Application.Curation;
using ResourceHub.Application.Identity;
using ResourceHub.Application.Media;
using ResourceHub.Application.Packages;
using ResourceHub.Application.Resources;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Renditions;
using ResourceHub.Domain.Resources;
using ResourceHub.Web.Hosting;
using ResourceHub.Web.Rendering;

namespace ResourceHub.Web.Pages.Resources;

/// <summary>A resource: player or previews, description, facts, why it is recommended, rating and download.</summary>
public sealed class DetailModel(ResourceReader reader, ResourceFacts facts, CurationRunner curation, MediaLinks links, MarkdownRenderer markdown,
    Baskets baskets)
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

    [FromRoute] public Guid Id { get; set; }

    /// <param name="done">The notice of the basket form, which posts to /basket and comes back here.</param>
    public async Task OnGetAsync([FromQuery] bool rated, [FromQuery] string? done, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (rated)
            Message = "感谢评分！您的评分已记录。";
        else if (!string.IsNullOrWhiteSpace(done))
            Message = done;
    }

    public async Task<IActionResult> OnPostRateAsync([FromForm] int? stars, CancellationToken ct)
    {
        var caller = User.ToCaller()!;
        try
        {
            if (stars is not (>= Rating.MinStars and <= Rating.MaxStars))
                throw AppError.BadRequest($"请选择 {Rating.MinStars}–{Rating.MaxStars} 星 (choose 1 to 5 stars)", "stars");
            await curation.RateAsync(caller, Id, stars.Value, checkVersion: null, pinned: false, ct);
            return Redirect($"/resources/{Id}?rated=true#rate");
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
        var caller = User.ToCaller()!;
        Resource = await reader.ShowAsync(caller, Id, ct);
        Stats = (await facts.StatsAsync([Id], ct)).GetValueOrDefault(Id);
        Renditions = (await facts.RenditionsAsync([Id], ct))[Id].ToList();
        MyStars = await facts.MyStarsAsync(caller, Id, ct);
        OwnerName = Resource.OwnerOrg.Length == 0 ? null : await facts.OrganizationNameAsync(Resource.OwnerOrg, ct) ?? Resource.OwnerOrg;
        Description = markdown.Render(Resource.Description);
        CanRate = caller.Is(Roles.Teacher) && Resource.CreatedBy != caller.UserId
                  && Resource.Status is ResourceStatus.Published or ResourceStatus.Recommended;
        InBasket = (await baskets.InBasketAsync(caller, [Id], ct)).Count > 0;
        ViewData["Title"] = Resource.Title;
    }

    public bool Has(string kind) => Renditions.Any(r => r.Kind == kind);

    public string Link(string what) => links.Url(Resource.Id, User.ToCaller()!.UserId, what);

    public MediaPreview Preview => new(Resource, Renditions, Link, Description);

    public double? AverageStars => Stats is { RatingCount: > 0 } s ? s.RatingSum / (double)s.RatingCount : null;
}
