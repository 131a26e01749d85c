using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Packages;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Application.Packages;

/// <summary>
/// Creating, editing, reading and deleting 资源包, and saving a basket as a draft package. Every signed-in user
/// may make one (a teacher gathers a lesson's resources); sections may only name resources the author can see.
/// </summary>
public sealed class PackageAuthoring(ResourceHubDbContext db, ResourceReader reader, TaxonomyCatalog taxonomy, Curation.CurationStore curation)
{
    public const int MaxSections = 50, MaxItems = 500;

    public IQueryable<Package> Readable(Caller caller) => db.Set<Package>().Where(PackagePermissions.Readable(caller));

    public async Task<Package> FindReadableAsync(Caller caller, Guid id, CancellationToken ct) =>
        await Readable(caller).Include(p => p.Sections).ThenInclude(s => s.Items).AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw AppError.NotFound($"资源包 {id} 不存在 (no package with this id)");

    /// <summary>The package's resources the caller may see, masked as on every read (the others are left out of what is shown).</summary>
    public async Task<Dictionary<Guid, Resource>> VisibleResourcesAsync(Caller caller, Package package, CancellationToken ct)
    {
        var ids = package.Sections.SelectMany(s => s.Items).Select(i => i.ResourceId).Distinct().ToList();
        var found = await reader.Visible(caller).AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        return (await reader.MaskAsync(caller, found, ct)).ToDictionary(r => r.Id);
    }

    public async Task<Package> CreateAsync(Caller caller, PackageDraft draft, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        var package = new Package
        {
            Id = Guid.NewGuid(), OwnerOrg = caller.OrgCode, CreatedBy = caller.UserId, CreatedAt = now, UpdatedAt = now,
        };
        await ApplyAsync(caller, package, draft with { Sections = draft.Sections ?? [] }, ct);
        db.Add(package);
        await db.SaveChangesAsync(ct);
        return package;
    }

    /// <param name="expectedVersion">From If-Match; a stale one is a 412.</param>
    public async Task<Package> UpdateAsync(Caller caller, Guid id, PackageDraft draft, long? expectedVersion, CancellationToken ct)
    {
        var package = await FindModifiableAsync(caller, id, expectedVersion, ct);
        if (draft.Sections is not null)
        {
            // Old rows go first so the position indexes never see two rows at one place.
            db.RemoveRange(package.Sections);
            await db.SaveChangesAsync(ct);
            package.Sections = [];
        }
        await ApplyAsync(caller, package, draft, ct);
        package.UpdatedAt = DateTime.UtcNow;
        await SaveAsync(ct);
        return package;
    }

    /// <summary>As for resources, only a package that never passed review is deleted; a live one is retired, keeping its History.</summary>
    public async Task DeleteAsync(Caller caller, Guid id, long? expectedVersion, CancellationToken ct)
    {
        var package = await FindModifiableAsync(caller, id, expectedVersion, ct, deleting: true);
        await curation.ForgetAsync(package.Id, ct);
        db.Remove(package);
        await SaveAsync(ct);
    }

    /// <summary>A draft package with one section holding the basket's resources (those the caller still sees).</summary>
    public async Task<Package> FromBasketAsync(Caller caller, string? title, CancellationToken ct)
    {
        var ids = await db.Set<BasketItem>().Where(b => b.UserId == caller.UserId).OrderBy(b => b.AddedAt).Select(b => b.ResourceId).ToListAsync(ct);
        var resources = await reader.Visible(caller).AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        if (resources.Count == 0)
            throw AppError.BadRequest("备课篮是空的，先加入资源 (the basket is empty)");
        string Common(Func<Resource, string> field) => resources.GroupBy(field).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
        var visible = resources.Select(r => r.Id).ToHashSet();
        return await CreateAsync(caller, new PackageDraft(
            Title: string.IsNullOrWhiteSpace(title) ? $"我的备课篮 {DateTime.UtcNow.AddHours(8):yyyy-MM-dd}" : title,
            Subject: Common(r => r.Subject), Stage: Common(r => r.Stage),
            Sections: [new SectionDraft("备课篮", ids.Where(visible.Contains).ToList())]), ct);
    }

    private async Task<Package> FindModifiableAsync(Caller caller, Guid id, long? expectedVersion, CancellationToken ct, bool deleting = false)
    {
        var package = await FindReadableAsync(caller, id, ct);
        if (!PackagePermissions.CanModify(caller, package))
            throw AppError.Forbidden("无权修改此资源包 (only its author, its organisation's vendor or a region admin may change it)");
        CheckVersion(package, expectedVersion);
        if (deleting)
            EditModes.CheckDeletable(package.Status);
        else if (!PackagePermissions.Editable.Contains(package.Status))
            throw new AppError(AppErrorKind.Conflict,
                $"“{Lifecycle.NameOf(package.Status)}”状态的资源包不能修改：已提交或已发布的内容以评审通过的为准 (a submitted or live package cannot be changed)");
        return package;
    }

    /// <summary>A stale If-Match (the version the caller acted on) is a 412.</summary>
    public static void CheckVersion(Package package, long? expectedVersion)
    {
        if (expectedVersion is { } v && v != package.Version)
            throw new AppError(AppErrorKind.PreconditionFailed, "资源包已被他人修改，请刷新后重试 (the package changed; reload it)");
    }

    private async Task ApplyAsync(Caller caller, Package package, PackageDraft draft, CancellationToken ct)
    {
        var errors = new List<AppErrorDetail>();
        if (draft.Title is not null) package.Title = draft.Title.Trim();
        if (draft.Description is not null) package.Description = draft.Description;
        if (draft.Subject is not null) package.Subject = draft.Subject;
        if (draft.Stage is not null) package.Stage = draft.Stage;
        if (draft.Topic is not null) package.Topic = draft.Topic.Length == 0 ? null : draft.Topic;
        if (draft.Kind is not null) package.Kind = draft.Kind;
        if (string.IsNullOrWhiteSpace(package.Title) || package.Title.Length > 200)
            errors.Add(new("InvalidValue", "资源包标题不能为空且不超过 200 字 (Title is required, at most 200 characters)", "Title"));
        if (package.Description is { Length: > 20000 })
            errors.Add(new("InvalidValue", "说明最多 20000 字 (Description is at most 20000 characters)", "Description"));
        if (PackageKinds.Check(package.Kind) is { } badKind)
            errors.Add(new("InvalidValue", badKind, "Kind"));
        Check(errors, taxonomy.Subjects, package.Subject, "Subject");
        Check(errors, taxonomy.Stages, package.Stage, "Stage");
        if (package.Topic is not null)
            Check(errors, taxonomy.Topics, package.Topic, "Topic");
        if (draft.Sections is { } sections)
            await PlaceSectionsAsync(caller, package, sections, errors, ct);
        if (errors.Count > 0)
            throw AppError.Invalid(errors);
    }

    private async Task PlaceSectionsAsync(Caller caller, Package package, IReadOnlyList<SectionDraft> sections, List<AppErrorDetail> errors,
        CancellationToken ct)
    {
        if (sections.Count > MaxSections)
            errors.Add(new("InvalidValue", $"资源包最多 {MaxSections} 个部分 (at most {MaxSections} sections)", "Sections"));
        if (sections.Sum(s => s.ResourceIds.Count) > MaxItems)
            errors.Add(new("InvalidValue", $"资源包最多 {MaxItems} 个资源 (at most {MaxItems} resources)", "Sections"));
        var ids = sections.SelectMany(s => s.ResourceIds).Distinct().ToList();
        var visible = (await reader.Visible(caller).Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();
        var seen = new HashSet<Guid>();
        for (var s = 0; s < sections.Count; s++)
        {
            if (string.IsNullOrWhiteSpace(sections[s].Title) || sections[s].Title.Length > 200)
                errors.Add(new("InvalidValue", $"第 {s + 1} 部分须有标题，不超过 200 字 (each section needs a title)", $"Sections[{s}]/Title"));
            for (var i = 0; i < sections[s].ResourceIds.Count; i++)
            {
                var id = sections[s].ResourceIds[i];
                if (!visible.Contains(id))
                    errors.Add(new("UnknownResource", $"资源 {id} 不存在或不可见 (no visible resource with this id)", $"Sections[{s}]/ResourceIds[{i}]"));
                else if (!seen.Add(id))
                    errors.Add(new("Duplicate", $"资源 {id} 重复出现 (a resource appears once per package)", $"Sections[{s}]/ResourceIds[{i}]"));
            }
        }
        if (errors.Count > 0)
            return;
        var outline = sections.Select((s, p) =>
        {
            var section = new PackageSection { Id = Guid.NewGuid(), PackageId = package.Id, Position = p, Title = s.Title.Trim() };
            section.Items = s.ResourceIds.Select((id, i) => new PackageItem { Id = Guid.NewGuid(), SectionId = section.Id, Position = i, ResourceId = id }).ToList();
            return section;
        }).ToList();
        // Added before they hang off a tracked package: found through the navigation, rows with keys would count as existing.
        if (db.Entry(package).State != EntityState.Detached)
            db.AddRange(outline);
        package.Sections = outline;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new AppError(AppErrorKind.PreconditionFailed, "资源包已被他人修改，请刷新后重试 (the package changed; reload it)");
        }
    }

    private static void Check(List<AppErrorDetail> errors, TaxonomyList list, string code, string target)
    {
        if (list.Check(code) is { } message)
            errors.Add(new("InvalidValue", message, target));
    }
}
