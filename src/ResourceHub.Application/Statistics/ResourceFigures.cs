using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Application.Statistics;

/// <summary>
/// What the region holds: published resources (recommended ones included) by 学科, 学段, 类型 and sub-region, two of
/// those crossed, and resources created per month. Counted in SQL, named from the taxonomy and the organisation tree.
/// </summary>
public sealed class ResourceFigures(ResourceHubDbContext db, TaxonomyCatalog taxonomy)
{
    public const string BySubject = ResourceDimension.Subject;
    public const string ByStage = ResourceDimension.Stage;
    public const string ByKind = ResourceDimension.Kind;
    public const string ByRegion = ResourceDimension.Region;
    public const string Uploads = "uploads";

    public async Task<FigureTable> ByAsync(StatsScope scope, string dimension, CancellationToken ct)
    {
        var by = ResourceDimension.Of(dimension, taxonomy);
        var counts = await Published(scope).GroupBy(by.Key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var fold = by.FolderFor(scope);
        var rows = counts.GroupBy(c => fold(c.Key))
            .Select(g => new FigureRow(g.Key, by.LabelOf(g.Key, scope), [g.Sum(c => c.Count)]))
            .OrderByDescending(r => r.Values[0]).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        return new FigureTable(by.Id, $"各{by.Name}资源数", [by.Name, "已发布资源数"], rows);
    }

    /// <summary>
    /// Published resources by two dimensions at once, in one GROUP BY over both columns, narrowed by the taxonomy
    /// codes asked for; regions are folded to the drill-down level afterwards.
    /// </summary>
    public async Task<CrossTable> CrossAsync(StatsScope scope, CrossTabRequest request, CancellationToken ct)
    {
        var across = ResourceDimension.Of(request.Rows, taxonomy, "rows");
        var down = ResourceDimension.Of(request.Columns, taxonomy, "cols");
        if (across.Id == down.Id)
            throw AppError.BadRequest($"行与列须是不同的维度 (rows and columns must differ): {across.Name}", "cols");
        var published = Published(scope);
        var narrowed = new List<string>();
        foreach (var (id, code) in new[] { (ResourceDimension.Subject, request.Subject), (ResourceDimension.Stage, request.Stage), (ResourceDimension.Kind, request.Kind) })
        {
            if (string.IsNullOrWhiteSpace(code))
                continue;
            var by = ResourceDimension.Of(id, taxonomy);
            if (by.Terms!.Check(code.Trim()) is { } problem)
                throw AppError.BadRequest(problem, id);
            published = published.Where(Equal(by.Key, code.Trim()));
            narrowed.Add($"{by.Name}：{by.LabelOf(code.Trim(), scope)}");
        }
        var counts = await published.Select(Pair(across.Key, down.Key))
            .GroupBy(p => new { p.Row, p.Column })
            .Select(g => new { g.Key.Row, g.Key.Column, Count = g.Count() })
            .ToListAsync(ct);
        var (foldRow, foldColumn) = (across.FolderFor(scope), down.FolderFor(scope));
        var cells = counts.GroupBy(c => (Row: foldRow(c.Row), Column: foldColumn(c.Column))).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var rows = Headers(across, scope, cells.Keys.Select(k => k.Row));
        var columns = Headers(down, scope, cells.Keys.Select(k => k.Column));
        var values = rows.Select(r => (IReadOnlyList<int>)columns.Select(c => cells.GetValueOrDefault((r.Key, c.Key))).ToList()).ToList();
        var title = $"{across.Name} × {down.Name} 资源数" + (narrowed.Count == 0 ? "" : $"（{string.Join("，", narrowed)}）");
        return new CrossTable(title, across, down, rows, columns, values);
    }

    /// <summary>Resources created per month (any state: what was uploaded), zero months included.</summary>
    public async Task<FigureTable> MonthlyUploadsAsync(StatsScope scope, CancellationToken ct)
    {
        var byMonth = await ChinaMonths.CountAsync(Created(scope, scope.Resources(db)).Select(r => r.CreatedAt), ct);
        var first = await Created(scope, scope.Resources(db)).MinAsync(r => (DateTime?)r.CreatedAt, ct);
        var rows = ChinaMonths.Fill(scope.Months(first), m => [byMonth.GetValueOrDefault(m)]);
        return new FigureTable(Uploads, "每月上传资源数", ["月份", "上传数"], rows);
    }

    private IQueryable<Resource> Published(StatsScope scope) =>
        Created(scope, scope.Resources(db)).Where(r => ResourceStatus.PublicStates.Contains(r.Status));

    private static IQueryable<Resource> Created(StatsScope scope, IQueryable<Resource> resources) => scope.During(resources, r => r.CreatedAt);

    /// <summary>The keys that occur, in taxonomy order (unknown codes after, by code); regions as the drill-down lists them.</summary>
    private static IReadOnlyList<CrossHeader> Headers(ResourceDimension by, StatsScope scope, IEnumerable<string> keys)
    {
        var found = keys.ToHashSet(StringComparer.Ordinal);
        IEnumerable<string> order = by.Terms is { } terms
            ? terms.Terms.Select(t => t.Code).Where(found.Contains).Concat(found.Where(k => !terms.Contains(k)).Order(StringComparer.Ordinal))
            : scope.Children.Select(c => c.Code).Append(scope.Node?.Code ?? StatsScope.Unregistered).Append(StatsScope.Unregistered).Distinct().Where(found.Contains);
        return order.Select(k => new CrossHeader(k, by.LabelOf(k, scope))).ToList();
    }

    private static Expression<Func<Resource, bool>> Equal(Expression<Func<Resource, string>> key, string code) =>
        Expression.Lambda<Func<Resource, bool>>(Expression.Equal(key.Body, Expression.Constant(code)), key.Parameters);

    /// <summary>r => new KeyPair { Row = row(r), Column = column(r) }, so EF groups by both columns.</summary>
    private static Expression<Func<Resource, KeyPair>> Pair(Expression<Func<Resource, string>> row, Expression<Func<Resource, string>> column)
    {
        var r = row.Parameters[0];
        var columnBody = ReplacingExpressionVisitor.Replace(column.Parameters[0], r, column.Body);
        return Expression.Lambda<Func<Resource, KeyPair>>(Expression.MemberInit(Expression.New(typeof(KeyPair)),
            Expression.Bind(typeof(KeyPair).GetProperty(nameof(KeyPair.Row))!, row.Body),
            Expression.Bind(typeof(KeyPair).GetProperty(nameof(KeyPair.Column))!, columnBody)), r);
    }

    private sealed class KeyPair
    {
        public string Row { get; init; } = "";
        public string Column { get; init; } = "";
    }
}
