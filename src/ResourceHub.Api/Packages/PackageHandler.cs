using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.OData;
using ResourceHub.Api.OData.Querying;
using ResourceHub.Application.Packages;
using ResourceHub.Application.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Packages;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Packages;

/// <summary>
/// Packages (资源包): read what <see cref="PackagePermissions"/> allows; POST creates (or, with
/// "FromBasket": true, saves the caller's basket as a draft); PATCH edits, "Sections" replacing the outline
/// (that is how sections and their resources are reordered); DELETE. The ZIP is at /media/packages/{id}.zip.
/// </summary>
public sealed class PackageHandler(ResourceHubDbContext db, ODataJsonWriter writer, PackageAuthoring packages, ResourceReader reader,
    ReviewerView reviewerView)
    : QueryableSetHandler<Package>(writer)
{
    private static readonly IReadOnlySet<string> Writable = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Title", "Description", "Subject", "Stage", "Topic", "Kind", "Sections", "FromBasket" };

    private static readonly IReadOnlySet<string> Computed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Id", "OwnerOrg", "CreatedBy", "CreatedAt", "UpdatedAt", "Status", "RecommendationLevel", "QualityScore" };

    protected override EntityDefinition<Package> Definition => PackageDefinition.Instance;

    protected override IQueryable<Package> Readable(Caller caller) => packages.Readable(caller);

    /// <summary>Experts neither filter, sort nor group packages by who made them (as with resources; blind review).</summary>
    protected override void CheckQuery(Caller caller, EntityQuery query) => UploaderQueries.Check(caller, query);

    protected override void CheckGroups(Caller caller, ApplyQuery apply) => UploaderQueries.Check(caller, apply);

    protected override async Task<IReadOnlyList<ODataEntry>> EntriesAsync(HttpContext context, Caller caller, IReadOnlyList<Package> found,
        EntityQuery query)
    {
        var rows = await reviewerView.MaskAsync(caller, found.ToList(), context.RequestAborted); // blind review
        var expand = query.Expand.FirstOrDefault(e => e.Navigation == "Sections");
        if (expand is null)
            return rows.Select(p => ODataJsonWriter.Entry(context.Request, Definition, p, query.Select, [])).ToList();
        var ct = context.RequestAborted;
        var ids = rows.Select(p => p.Id).ToList();
        var sections = await db.Set<PackageSection>().AsNoTracking().Include(s => s.Items).Where(s => ids.Contains(s.PackageId))
            .OrderBy(s => s.Position).ToListAsync(ct);
        var resourceIds = sections.SelectMany(s => s.Items).Select(i => i.ResourceId).Distinct().ToList();
        // A reader sees only the resources they may see: another organisation's draft is left out of the outline.
        var visible = (await reader.Visible(caller).Where(r => resourceIds.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        foreach (var section in sections)
            section.Items = section.Items.Where(i => visible.Contains(i.ResourceId)).OrderBy(i => i.Position).ToList();
        var byPackage = sections.ToLookup(s => s.PackageId);
        return rows.Select(p => ODataJsonWriter.Entry(context.Request, Definition, p, query.Select,
        [
            new ODataExpansion("Sections", true,
                byPackage[p.Id].Select(s => ODataJsonWriter.Entry(context.Request, PackageSectionDefinition.Instance, s, expand.Select, [])).ToList()),
        ])).ToList();
    }

    public override async Task CreateAsync(HttpContext context)
    {
        var caller = context.RequireCaller();
        var body = await RequestBody.ReadAsync(context.Request, Writable, Computed);
        var errors = new List<ODataErrorDetail>();
        var fromBasket = body.Has("FromBasket") && body.Boolean("FromBasket", errors) == true;
        var draft = Draft(body, errors);
        RequestBody.ThrowIfAny(errors);
        var package = fromBasket
            ? await packages.FromBasketAsync(caller, draft.Title, context.RequestAborted)
            : await packages.CreateAsync(caller, draft, context.RequestAborted);
        await RespondCreatedAsync(context, package);
    }

    public override async Task PatchAsync(HttpContext context, object key)
    {
        var body = await RequestBody.ReadAsync(context.Request, Writable, Computed);
        var errors = new List<ODataErrorDetail>();
        var draft = Draft(body, errors);
        if (body.Has("FromBasket"))
            errors.Add(new("InvalidValue", "FromBasket 只能在创建时使用 (FromBasket applies to creation only)", "FromBasket"));
        RequestBody.ThrowIfAny(errors);
        var package = await packages.UpdateAsync(context.RequireCaller(), (Guid)key, draft, ExpectedVersion(context.Request), context.RequestAborted);
        context.Response.Headers.ETag = Definition.ETagOf(package);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public override async Task DeleteAsync(HttpContext context, object key)
    {
        await packages.DeleteAsync(context.RequireCaller(), (Guid)key, ExpectedVersion(context.Request), context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static PackageDraft Draft(RequestBody body, List<ODataErrorDetail> errors) => new(
        Title: body.Has("Title") ? body.String("Title", errors) ?? "" : null,
        Description: body.Has("Description") ? body.String("Description", errors) ?? "" : null,
        Subject: body.Has("Subject") ? body.String("Subject", errors) ?? "" : null,
        Stage: body.Has("Stage") ? body.String("Stage", errors) ?? "" : null,
        Topic: body.Has("Topic") ? body.String("Topic", errors) ?? "" : null,
        Kind: body.Has("Kind") ? body.String("Kind", errors) ?? "" : null,
        Sections: body.Has("Sections") ? Sections(body, errors) : null);

    private static List<SectionDraft> Sections(RequestBody body, List<ODataErrorDetail> errors)
    {
        var sections = body.Array("Sections", SectionOf, errors) ?? [];
        for (var i = 0; i < sections.Count; i++)
            if (sections[i] is null)
                errors.Add(new("InvalidValue", $"第 {i + 1} 部分须为 {{\"Title\": \"…\", \"ResourceIds\": [\"<guid>\"…]}} (each section needs a Title and ResourceIds)",
                    $"Sections[{i}]"));
        return sections.Where(s => s is not null).Select(s => s!).ToList();
    }

    private static SectionDraft? SectionOf(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            return null;
        string? title = null;
        List<Guid>? ids = null;
        foreach (var p in element.EnumerateObject())
        {
            if (p.Name.Equals("Title", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
                title = p.Value.GetString();
            else if (p.Name.Equals("ResourceIds", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Array)
                ids = p.Value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String && Guid.TryParse(v.GetString(), out var g) ? g : Guid.Empty).ToList();
            else
                return null;
        }
        return title is null || ids is null || ids.Contains(Guid.Empty) ? null : new SectionDraft(title, ids);
    }

    /// <summary>The version an If-Match names (W/"7"), or null without one; a tag that is not ours cannot match (412).</summary>
    internal static long? ExpectedVersion(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        if (value.Length == 0 || value == "*")
            return null;
        var digits = value.Replace("W/", "").Trim('"');
        return long.TryParse(digits, out var v) ? v : -1;
    }
}
