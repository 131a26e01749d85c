using System.Linq.Expressions;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Statistics;

/// <summary>
/// The region and dates the figures cover, checked against the caller's admin region: resources count where
/// their owner organisation is (the node and everything below it), events where their resource is.
/// </summary>
public sealed class StatsScope(OrganizationTree tree, Organization? node, IReadOnlyList<Organization> path,
    IReadOnlyList<string>? orgs, DateTime? fromUtc, DateTime? toUtc, DateOnly today, bool platform)
{
    /// <summary>The caller administers the whole platform (may go up to 全平台).</summary>
    public bool Platform { get; } = platform;

    public const string Unregistered = "";

    /// <summary>The organisation drilled into; null for the whole platform (its administrator's default).</summary>
    public Organization? Node { get; } = node;

    /// <summary>From the caller's top (exclusive of the platform) down to <see cref="Node"/>, for the breadcrumb.</summary>
    public IReadOnlyList<Organization> Path { get; } = path;

    /// <summary>Where one can drill down from here.</summary>
    public IReadOnlyList<Organization> Children { get; } = node is null ? tree.Roots() : tree.Children(node.Code);

    /// <summary>Owner organisations counted; null means every one.</summary>
    public IReadOnlyList<string>? Orgs { get; } = orgs;

    public DateTime? FromUtc { get; } = fromUtc;
    /// <summary>Exclusive: midnight after the last day asked for.</summary>
    public DateTime? ToUtc { get; } = toUtc;
    public DateOnly Today { get; } = today;

    public IQueryable<Resource> Resources(ResourceHubDbContext db)
    {
        var resources = db.Resources.AsQueryable();
        if (Orgs is { } list)
        {
            var codes = list.ToList();
            resources = resources.Where(r => codes.Contains(r.OwnerOrg));
        }
        return resources;
    }

    /// <summary>The rows whose time <paramref name="at"/> falls in the date range.</summary>
    public IQueryable<T> During<T>(IQueryable<T> rows, Expression<Func<T, DateTime>> at)
    {
        if (FromUtc is { } from)
            rows = rows.Where(Compare(at, ExpressionType.GreaterThanOrEqual, from));
        if (ToUtc is { } to)
            rows = rows.Where(Compare(at, ExpressionType.LessThan, to));
        return rows;
    }

    private static Expression<Func<T, bool>> Compare<T>(Expression<Func<T, DateTime>> at, ExpressionType op, DateTime bound) =>
        Expression.Lambda<Func<T, bool>>(Expression.MakeBinary(op, at.Body, Expression.Constant(bound)), at.Parameters);

    /// <summary>The ids of the resources in the region, as a subquery for event tables.</summary>
    public IQueryable<Guid> ResourceIds(ResourceHubDbContext db) => Resources(db).Select(r => r.Id);

    /// <summary>The drill-down row an owner organisation counts under: a child's code, the node's own, or <see cref="Unregistered"/>.</summary>
    public Func<string, string> RowOf()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var child in Children)
            foreach (var code in tree.Subtree(child.Code))
                map.TryAdd(code, child.Code);
        if (Node is not null)
            map[Node.Code] = Node.Code;
        return owner => map.GetValueOrDefault(owner, Unregistered);
    }

    public string NameOf(string code) => code == Unregistered
        ? "未登记机构"
        : Node?.Code == code ? $"{Node.Name}（本级）" : tree.Find(code)?.Name ?? code;

    /// <summary>The months a time series covers: the range asked for, else from the first event to this month.</summary>
    public IReadOnlyList<(int Year, int Month)> Months(DateTime? firstUtc)
    {
        var last = ToUtc is { } to ? ChinaMonths.DayOf(to.AddTicks(-1)) : Today;
        var first = FromUtc is { } from ? ChinaMonths.DayOf(from) : firstUtc is { } f ? ChinaMonths.DayOf(f) : last;
        return first > last ? [] : ChinaMonths.Span(first, last);
    }
}
