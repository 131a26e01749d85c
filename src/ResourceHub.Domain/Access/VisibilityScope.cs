using System.Linq.Expressions;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Domain.Access;

/// <summary>
/// Which resources (and, by the same rule, 资源包) a caller may see, as plain data so every backend (EF query,
/// search index) applies the same rule server-side. An item is visible when any clause holds.
/// </summary>
public sealed record VisibilityScope(
    bool All,
    IReadOnlyList<string> PublicStatuses,
    IReadOnlyList<string> OwnerOrgs,
    string? CreatedBy,
    IReadOnlyList<string> ReviewSubjects,
    IReadOnlyList<string> ReviewStatuses)
{
    /// <summary>States an expert sees in their own subjects so they can review.</summary>
    public static readonly IReadOnlyList<string> UnderReview = [ResourceStatus.Submitted, ResourceStatus.InReview];

    public static VisibilityScope For(Caller? caller)
    {
        if (caller is null)
            return new(false, [], [], null, [], []);
        if (caller.IsAdmin)
            return caller.Region.Everywhere
                ? new(true, [], [], null, [], [])
                : new(false, ResourceStatus.PublicStates, caller.Region.Orgs, null, [], []); // its region's items, whatever their state
        return caller.Role switch
        {
            Roles.Vendor => new(false, ResourceStatus.PublicStates, [caller.OrgCode], null, [], []),
            Roles.Expert => new(false, ResourceStatus.PublicStates, [], caller.UserId, caller.Subjects, UnderReview),
            _ => new(false, ResourceStatus.PublicStates, [], caller.UserId, [], []),
        };
    }

    public bool Allows(Curation.ICurated r) =>
        All
        || PublicStatuses.Contains(r.Status)
        || OwnerOrgs.Contains(r.OwnerOrg)
        || (CreatedBy is not null && r.CreatedBy == CreatedBy)
        || (ReviewSubjects.Contains(r.Subject) && ReviewStatuses.Contains(r.Status));

    /// <summary>The same rule as an expression tree, for EF Core to translate to SQL.</summary>
    public Expression<Func<Resource, bool>> ToExpression() => ToExpression<Resource>();

    /// <summary>The rule over any curated item (resources, packages).</summary>
    public Expression<Func<T, bool>> ToExpression<T>() where T : class, Curation.ICurated
    {
        if (All)
            return r => true;
        var statuses = PublicStatuses.ToList();
        var orgs = OwnerOrgs.ToList();
        var user = CreatedBy;
        var subjects = ReviewSubjects.ToList();
        var reviewStatuses = ReviewStatuses.ToList();
        return r => statuses.Contains(r.Status)
                    || orgs.Contains(r.OwnerOrg)
                    || (user != null && r.CreatedBy == user)
                    || (subjects.Contains(r.Subject) && reviewStatuses.Contains(r.Status));
    }
}
