using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Application.Curation;

/// <summary>One criterion as entered; MaxPoints NaN when what was sent was not a number.</summary>
public sealed record CriterionInput(string? Name, double MaxPoints, string? Description);

/// <summary>A rubric as entered: a null field stays as it is (a PATCH), Criteria replaces them all when given.</summary>
public sealed record RubricInput(
    string? Name = null, IReadOnlyList<string>? Kinds = null, int? RequiredReviews = null, double? PassMean = null,
    double? DivergenceGap = null, bool? BlindReview = null, IReadOnlyList<CriterionInput>? Criteria = null);

/// <summary>
/// Rubrics: anyone signed in reads them (the rules are public); region admins create and change their
/// region's. System rubrics (no owner) are the seeded defaults and stay as they are.
/// </summary>
public sealed class RubricAdmin(ResourceHubDbContext db, CurationStore store)
{
    public const int ListSize = 200;

    /// <summary>With their criteria: MaxTotal is their sum.</summary>
    public Task<List<Rubric>> ListAsync(CancellationToken ct) =>
        db.Set<Rubric>().AsNoTracking().Include(r => r.Criteria).OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Take(ListSize).ToListAsync(ct);

    public Task<Rubric> FindAsync(Guid id, CancellationToken ct) => store.RubricAsync(id, ct);

    /// <summary>Whether this caller may change the rubric (the page shows the form only then; the change checks again).</summary>
    public async Task<bool> CanEditAsync(Caller caller, Rubric rubric, CancellationToken ct)
    {
        var actor = await store.ActorAsync(caller, ct);
        return rubric.OwnerOrg.Length > 0 && actor.AdminTier is not null
               && (await store.RegionOfAsync(rubric.OwnerOrg, ct)).Contains(actor.Org!.Code);
    }

    public async Task<Rubric> CreateAsync(Caller caller, RubricInput input, CancellationToken ct)
    {
        var actor = await store.ActorAsync(caller, ct);
        CurationPolicy.AuthorizeRegionAdmin(actor);
        var now = DateTime.UtcNow;
        var rubric = new Rubric { Id = Guid.NewGuid(), OwnerOrg = actor.Org!.Code, CreatedAt = now, UpdatedAt = now };
        Apply(input, rubric);
        rubric.Validate();
        db.Add(rubric);
        await store.SaveOrConflictAsync(ct);
        return rubric;
    }

    public async Task<Rubric> UpdateAsync(Caller caller, Guid id, RubricInput input, Action<Rubric>? checkVersion, CancellationToken ct)
    {
        var actor = await store.ActorAsync(caller, ct);
        var rubric = await store.RubricAsync(id, ct);
        if (rubric.OwnerOrg.Length == 0)
            throw CurationError.Forbidden("系统默认量规不可修改，请为本区域新建量规 (system rubrics are read-only; create your region's own)");
        CurationPolicy.AuthorizeRegionAdmin(actor, await store.RegionOfAsync(rubric.OwnerOrg, ct));
        checkVersion?.Invoke(rubric);
        var replaced = Apply(input, rubric);
        rubric.Validate();
        if (replaced is not null)
            db.RemoveRange(replaced);
        rubric.UpdatedAt = DateTime.UtcNow;
        await store.SaveOrConflictAsync(ct);
        return rubric;
    }

    /// <summary>Applies the input; returns the criteria it replaced, if Criteria was given.</summary>
    private static List<RubricCriterion>? Apply(RubricInput input, Rubric rubric)
    {
        if (input.Name is not null) rubric.Name = input.Name.Trim();
        if (input.Kinds is not null) rubric.Kinds = input.Kinds.ToList();
        if (input.RequiredReviews is { } required) rubric.RequiredReviews = required;
        if (input.PassMean is { } pass) rubric.PassMean = pass;
        if (input.DivergenceGap is { } gap) rubric.DivergenceGap = gap;
        if (input.BlindReview is { } blind) rubric.BlindReview = blind;
        if (input.Criteria is null)
            return null;
        var replaced = rubric.Criteria;
        rubric.Criteria = input.Criteria.Select((c, i) => new RubricCriterion
        {
            Id = Guid.NewGuid(), RubricId = rubric.Id, Position = i + 1,
            Name = c.Name?.Trim() ?? "", MaxPoints = c.MaxPoints, Description = c.Description,
        }).ToList();
        return replaced;
    }
}
