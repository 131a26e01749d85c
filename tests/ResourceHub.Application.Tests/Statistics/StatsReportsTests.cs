using System.Text;
using MiniExcelLibs;
using ResourceHub.Application.Identity;
using ResourceHub.Application.Statistics;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;
using ResourceHub.Testing;

namespace ResourceHub.Application.Tests.Statistics;

/// <summary>
/// The statistics figures on both databases against <see cref="StatsSeed"/>, each expected value computed here
/// with LINQ over the seed (parent chains walked by hand, months in Beijing time), and the scope rules per role.
/// </summary>
public abstract class StatsReportsTests(string provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 8, 0, 0, TimeSpan.Zero);
    private readonly TestClock _clock = new(Now);
    private TestDatabase _db = null!;
    private StatsSeed _seed = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        await using var context = _db.CreateContext();
        var rubric = SeedRubrics.Lesson("ah", Now.UtcDateTime);
        if (!context.Set<Rubric>().Any(r => r.Id == rubric.Id))
            context.Add(rubric);
        _seed = new StatsSeed(rubric.Id);
        context.Organizations.AddRange(StatsSeed.Orgs);
        context.Users.AddRange(_seed.Users);
        context.Resources.AddRange(_seed.Resources);
        context.AddRange(_seed.Events);
        context.AddRange(_seed.Reviews);
        context.AddRange(_seed.Usage);
        await context.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static Caller Admin(string org) => new(org + ".admin", "管理员", Roles.Admin, org, []);

    private async Task<T> WithAsync<T>(Func<StatsReports, Task<T>> act)
    {
        await using var context = _db.CreateContext();
        var directory = new OrganizationDirectory(_clock);
        var reports = new StatsReports(new StatsScopes(context, directory, _clock), new ResourceFigures(context, TaxonomyCatalog.Default), new CurationFigures(context),
            new UsageFigures(context, TaxonomyCatalog.Default));
        return await act(reports);
    }

    private static Dictionary<string, double> Column(FigureTable table, int column = 0) => table.Rows.ToDictionary(r => r.Key, r => r.Values[column]);

    private static string BeijingMonth(DateTime utc) => utc.AddHours(8).ToString("yyyy-MM");

    protected async Task The_platform_admin_sees_every_figure_of_the_whole_platform()
    {
        var report = await WithAsync(r => r.ReadAsync(Admin("ah"), new StatsFilter(), default));
        var figure = report.Figures.ToDictionary(f => f.Id);
        var published = _seed.Resources.Where(r => r.Status is ResourceStatus.Published or ResourceStatus.Recommended).ToList();

        Assert.Equal(published.GroupBy(r => r.Subject).ToDictionary(g => g.Key, g => (double)g.Count()), Column(figure["subject"]));
        Assert.Equal("数学", figure["subject"].Rows.Single(r => r.Key == "math").Label);
        Assert.Equal(published.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => (double)g.Count()), Column(figure["kind"]));
        Assert.Equal(published.GroupBy(r => r.Stage).ToDictionary(g => g.Key, g => (double)g.Count()), Column(figure["stage"]));
        var rows = figure["subject"].Rows.Select(r => r.Values[0]).ToList();
        Assert.Equal(rows.OrderDescending(), rows);

        // The tops of the tree, and the unregistered owner on its own row.
        var regions = published.GroupBy(r => StatsSeed.Within(r.OwnerOrg, "ah") ? "ah" : StatsSeed.Within(r.OwnerOrg, "js") ? "js" : "")
            .ToDictionary(g => g.Key, g => (double)g.Count());
        Assert.Equal(regions, Column(figure["region"]));
        Assert.Equal("未登记机构", figure["region"].Rows.Single(r => r.Key == "").Label);

        var months = _seed.Resources.GroupBy(r => BeijingMonth(r.CreatedAt)).ToDictionary(g => g.Key, g => (double)g.Count());
        var uploads = figure["uploads"];
        Assert.Equal("2025-01", uploads.Rows[0].Key);
        Assert.Equal("2026-12", uploads.Rows[^1].Key);
        Assert.Equal(24, uploads.Rows.Count);
        Assert.Equal("2025年1月", uploads.Rows[0].Label);
        Assert.Equal(uploads.Rows.ToDictionary(r => r.Key, r => months.GetValueOrDefault(r.Key)), Column(uploads));
        Assert.Equal(_seed.Resources.Count, uploads.Rows.Sum(r => r.Values[0]));

        int Distinct(string action, string? level = null) => _seed.Events.Where(e => e.Action == action && e.Level == level).Select(e => e.ResourceId).Distinct().Count();
        var funnel = Column(figure["funnel"]);
        Assert.Equal(Distinct("submit"), funnel["submitted"]);
        Assert.Equal(Distinct("review"), funnel["reviewed"]);
        Assert.Equal(Distinct("publish"), funnel["published"]);
        foreach (var level in RecommendationLevels.Ordered)
            Assert.Equal(Distinct("recommend", level), funnel["recommended-" + level]);
        Assert.True(funnel["recommended-school"] > funnel["recommended-national"]);

        var decisions = _seed.Events.Where(e => e.Action is "publish" or "reject" or "request-changes")
            .Select(d => (d.Action, Days: (d.At - _seed.Events.Single(e => e.ResourceId == d.ResourceId && e.Action == "submit").At).TotalDays)).ToList();
        var days = figure["decision-days"].Rows.ToDictionary(r => r.Key);
        Assert.Equal(Math.Round(MedianOf(decisions.Select(d => d.Days)), 1), days["all"].Values[0]);
        Assert.Equal(decisions.Count, days["all"].Values[1]);
        Assert.Equal(Math.Round(MedianOf(decisions.Where(d => d.Action == "reject").Select(d => d.Days)), 1), days["reject"].Values[0]);

        var final = _seed.Events.Where(e => e.Action is "publish" or "reject" or "request-changes")
            .ToDictionary(e => e.ResourceId, e => e.Action switch { "publish" => Verdicts.Approve, "reject" => Verdicts.Reject, _ => Verdicts.Changes });
        var experts = figure["experts"].Rows.ToDictionary(r => r.Key);
        foreach (var expert in StatsSeed.Experts)
        {
            var mine = _seed.Reviews.Where(r => r.ReviewerId == expert).ToList();
            var agreed = mine.Count(r => final[r.ResourceId] == r.Verdict);
            Assert.Equal([mine.Count, mine.Count, agreed, Math.Round(100.0 * agreed / mine.Count, 1)], experts[expert].Values);
            Assert.Equal("专家" + expert, experts[expert].Label);
        }

        var downloads = _seed.Usage.Where(e => e.Kind == UsageEvent.Download).ToList();
        var perMonth = downloads.GroupBy(e => BeijingMonth(e.At)).ToDictionary(g => g.Key, g => (double)g.Count());
        Assert.Equal(BeijingMonth(downloads.Min(e => e.At)), figure["downloads"].Rows[0].Key);
        Assert.Equal(figure["downloads"].Rows.ToDictionary(r => r.Key, r => perMonth.GetValueOrDefault(r.Key)), Column(figure["downloads"]));
        Assert.Equal(downloads.Count, figure["downloads"].Rows.Sum(r => r.Values[0]));
        var ratings = _seed.Usage.Where(e => e.Kind == UsageEvent.Rating).GroupBy(e => BeijingMonth(e.At))
            .ToDictionary(g => g.Key, g => (Count: (double)g.Count(), Mean: Math.Round(g.Average(e => (double)e.Stars!), 2)));
        foreach (var row in figure["ratings"].Rows)
            Assert.Equal(ratings.TryGetValue(row.Key, out var m) ? [m.Count, m.Mean] : [0, 0], row.Values);

        var byResource = _seed.Resources.ToDictionary(r => r.Id);
        var top = downloads.GroupBy(e => e.ResourceId).Select(g => (Resource: byResource[g.Key], Count: g.Count()))
            .GroupBy(x => x.Resource.Subject)
            .SelectMany(g => g.OrderByDescending(x => x.Count).ThenBy(x => x.Resource.Title, StringComparer.Ordinal).Take(UsageFigures.TopPerSubject))
            .ToDictionary(x => x.Resource.Id.ToString(), x => (double)x.Count);
        Assert.Equal(top, Column(figure["top"]));
        var first = figure["top"].Rows[0];
        Assert.StartsWith(TaxonomyCatalog.Default.Subjects.NameOf(byResource[Guid.Parse(first.Key)].Subject) + "：资源", first.Label);
    }

    protected async Task A_city_admin_drills_down_within_its_region_and_dates()
    {
        var from = new DateOnly(2025, 6, 1);
        var to = new DateOnly(2026, 3, 31);
        var report = await WithAsync(r => r.ReadAsync(Admin("hf"), new StatsFilter("bh", from, to), default));
        Assert.Equal(["hf", "bh"], report.Scope.Path.Select(o => o.Code).ToArray());
        Assert.False(report.Scope.Platform);
        var inRange = _seed.Resources.Where(r => StatsSeed.Within(r.OwnerOrg, "bh"))
            .Where(r => DateOnly.FromDateTime(r.CreatedAt.AddHours(8)) >= from && DateOnly.FromDateTime(r.CreatedAt.AddHours(8)) <= to).ToList();
        var published = inRange.Where(r => r.Status is ResourceStatus.Published or ResourceStatus.Recommended).ToList();
        var figure = report.Figures.ToDictionary(f => f.Id);
        Assert.Equal(published.GroupBy(r => r.OwnerOrg).ToDictionary(g => g.Key, g => (double)g.Count()), Column(figure["region"]));
        if (figure["region"].Rows.FirstOrDefault(r => r.Key == "bh") is { } own)
            Assert.Equal("包河区教体局（本级）", own.Label);
        Assert.Equal(published.GroupBy(r => r.Subject).ToDictionary(g => g.Key, g => (double)g.Count()), Column(figure["subject"]));
        var uploads = figure["uploads"];
        Assert.Equal(("2025-06", "2026-03", 10), (uploads.Rows[0].Key, uploads.Rows[^1].Key, uploads.Rows.Count));
        Assert.Equal(inRange.Count, uploads.Rows.Sum(r => r.Values[0]));

        var ids = _seed.Resources.Where(r => StatsSeed.Within(r.OwnerOrg, "bh")).Select(r => r.Id).ToHashSet();
        var submitted = _seed.Events.Where(e => e.Action == "submit" && ids.Contains(e.ResourceId))
            .Count(e => e.At >= new DateTime(2025, 5, 31, 16, 0, 0, DateTimeKind.Utc) && e.At < new DateTime(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc));
        Assert.Equal(submitted, Column(figure["funnel"])["submitted"]);
        var fromUtc = new DateTime(2025, 5, 31, 16, 0, 0, DateTimeKind.Utc);
        var toUtc = new DateTime(2026, 3, 31, 16, 0, 0, DateTimeKind.Utc);
        Assert.Equal(_seed.Usage.Count(e => e.Kind == UsageEvent.Download && ids.Contains(e.ResourceId) && e.At >= fromUtc && e.At < toUtc),
            figure["downloads"].Rows.Sum(r => r.Values[0]));
        Assert.Equal(10, figure["ratings"].Rows.Count);

        // The city's own top: its county and its own items; nothing of the sibling city or the other province.
        var top = await WithAsync(r => r.ReadAsync(Admin("hf"), new StatsFilter(), default));
        Assert.Equal(["bh"], top.Scope.Children.Select(c => c.Code).ToArray());
        var all = _seed.Resources.Count(r => StatsSeed.Within(r.OwnerOrg, "hf"));
        Assert.Equal(all, top.Figures.Single(f => f.Id == "uploads").Rows.Sum(r => r.Values[0]));
    }

    protected async Task Regions_outside_the_callers_and_non_admins_are_refused()
    {
        foreach (var org in new[] { "ls", "js1", "ah", "nowhere" })
        {
            var e = await Assert.ThrowsAsync<AppError>(() => WithAsync(r => r.ReadAsync(Admin("hf"), new StatsFilter(org), default)));
            Assert.Equal(AppErrorKind.NotFound, e.Kind);
        }
        foreach (var role in new[] { Roles.Teacher, Roles.Expert, Roles.WorkshopHost, Roles.Vendor })
        {
            var caller = new Caller("x", "某人", role, "ah", ["math"]);
            var e = await Assert.ThrowsAsync<AppError>(() => WithAsync(r => r.ReadAsync(caller, new StatsFilter(), default)));
            Assert.Equal(AppErrorKind.Forbidden, e.Kind);
            Assert.StartsWith("只有管理员", e.Message);
            e = await Assert.ThrowsAsync<AppError>(() => WithAsync(r => r.OneAsync(caller, new StatsFilter(), "subject", default)));
            Assert.Equal(AppErrorKind.Forbidden, e.Kind);
        }
        var backwards = await Assert.ThrowsAsync<AppError>(() => WithAsync(r =>
            r.ReadAsync(Admin("ah"), new StatsFilter(null, new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1)), default)));
        Assert.Equal(AppErrorKind.BadRequest, backwards.Kind);
        var unknown = await Assert.ThrowsAsync<AppError>(() => WithAsync(r => r.OneAsync(Admin("ah"), new StatsFilter(), "bogus", default)));
        Assert.Equal(AppErrorKind.NotFound, unknown.Kind);
    }

    protected async Task A_figure_exports_as_csv_with_a_bom_and_as_xlsx()
    {
        var table = await WithAsync(r => r.OneAsync(Admin("ah"), new StatsFilter(), "subject", default));
        var (csv, type, name) = FigureExport.Write(table, FigureExport.Csv);
        Assert.Equal((byte[])[0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.StartsWith("text/csv", type);
        Assert.Equal("统计-各学科资源数.csv", name);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("学科,已发布资源数", lines[0]);
        Assert.Equal($"{table.Rows[0].Label},{table.Rows[0].Values[0]}", lines[1]);
        Assert.Equal(table.Rows.Count + 1, lines.Length);

        var (xlsx, _, xname) = FigureExport.Write(table, FigureExport.Xlsx);
        Assert.EndsWith(".xlsx", xname);
        var sheet = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(table.Rows.Select(r => r.Label), sheet.Select(r => (string)r["学科"]));
        Assert.Equal(table.Rows.Select(r => r.Values[0]), sheet.Select(r => Convert.ToDouble(r["已发布资源数"])));
        Assert.Equal(AppErrorKind.BadRequest, Assert.Throws<AppError>(() => FigureExport.Write(table, "pdf")).Kind);
    }

    private static Dictionary<(string, string), int> Cells(CrossTable table) =>
        table.Rows.SelectMany((r, i) => table.Columns.Select((c, j) => (Key: (r.Key, c.Key), Count: table.Counts[i][j])))
            .Where(c => c.Count > 0).ToDictionary(c => c.Key, c => c.Count);

    private static Dictionary<(string, string), int> Oracle(IEnumerable<Resource> resources, Func<Resource, string> row, Func<Resource, string> column) =>
        resources.GroupBy(r => (row(r), column(r))).ToDictionary(g => g.Key, g => g.Count());

    protected async Task The_cross_table_counts_two_dimensions_in_the_callers_region()
    {
        var published = _seed.Resources.Where(r => r.Status is ResourceStatus.Published or ResourceStatus.Recommended).ToList();

        var table = await WithAsync(r => r.CrossAsync(Admin("ah"), new StatsFilter(), CrossTabRequest.Default, default));
        Assert.Equal(Oracle(published, r => r.Subject, r => r.Stage), Cells(table));
        Assert.Equal(["chinese", "math", "english", "physics"], table.Rows.Select(r => r.Key).ToArray()); // taxonomy order
        Assert.Equal(["小学", "初中", "高中"], table.Columns.Select(c => c.Label).ToArray());
        Assert.Equal(published.Count, table.Total);
        Assert.Equal(published.Count(r => r.Subject == "math"), table.RowTotal(1));
        Assert.Equal(published.Count(r => r.Stage == "senior"), table.ColumnTotal(2));
        Assert.Equal("学科 × 学段 资源数", table.Title);

        // Narrowed by a kind and a stage; the region folded to the tops of the tree, the unregistered owner last.
        var narrowed = await WithAsync(r => r.CrossAsync(Admin("ah"), new StatsFilter(),
            new CrossTabRequest("region", "subject", Kind: "case", Stage: "junior"), default));
        string Top(Resource r) => StatsSeed.Within(r.OwnerOrg, "ah") ? "ah" : StatsSeed.Within(r.OwnerOrg, "js") ? "js" : "";
        var cases = published.Where(r => r.Kind == "case" && r.Stage == "junior").ToList();
        Assert.Equal(Oracle(cases, Top, r => r.Subject), Cells(narrowed));
        Assert.Equal(["ah", "js", ""], narrowed.Rows.Select(r => r.Key).ToArray());
        Assert.Equal(["安徽省教育厅", "江苏省教育厅", "未登记机构"], narrowed.Rows.Select(r => r.Label).ToArray());
        Assert.Equal($"区域 × 学科 资源数（学段：初中，类型：{TaxonomyCatalog.Default.Kinds.NameOf("case")}）", narrowed.Title);

        // A city admin drilled into its county, with dates: the county's own items and its schools, nothing else.
        var from = new DateOnly(2025, 3, 1);
        var drilled = await WithAsync(r => r.CrossAsync(Admin("hf"), new StatsFilter("bh", from, null), new CrossTabRequest("kind", "region"), default));
        var inCounty = published.Where(r => StatsSeed.Within(r.OwnerOrg, "bh") && DateOnly.FromDateTime(r.CreatedAt.AddHours(8)) >= from).ToList();
        Assert.Equal(Oracle(inCounty, r => r.Kind, r => r.OwnerOrg), Cells(drilled));
        Assert.Equal(new[] { "bh1", "bh2", "bh" }.Where(o => inCounty.Any(r => r.OwnerOrg == o)), drilled.Columns.Select(c => c.Key));
        Assert.Contains("包河区教体局（本级）", drilled.Columns.Select(c => c.Label));

        var city = await WithAsync(r => r.CrossAsync(Admin("hf"), new StatsFilter(), new CrossTabRequest("region", "kind"), default));
        Assert.Equal(Oracle(published.Where(r => StatsSeed.Within(r.OwnerOrg, "hf")), r => r.OwnerOrg == "hf" ? "hf" : "bh", r => r.Kind), Cells(city));
    }

    protected async Task Cross_table_mistakes_and_other_roles_are_refused()
    {
        foreach (var (request, target) in new[]
                 {
                     (new CrossTabRequest("subject", "subject"), "cols"), (new CrossTabRequest("teacher", "stage"), "rows"),
                     (new CrossTabRequest("subject", null), "cols"), (new CrossTabRequest("subject", "stage", Kind: "nonsense"), "kind"),
                 })
        {
            var e = await Assert.ThrowsAsync<AppError>(() => WithAsync(r => r.CrossAsync(Admin("ah"), new StatsFilter(), request, default)));
            Assert.Equal((AppErrorKind.BadRequest, target), (e.Kind, e.Target));
        }
        var outside = await Assert.ThrowsAsync<AppError>(() => WithAsync(r => r.CrossAsync(Admin("hf"), new StatsFilter("ls"), CrossTabRequest.Default, default)));
        Assert.Equal(AppErrorKind.NotFound, outside.Kind);
        foreach (var role in new[] { Roles.Teacher, Roles.Expert, Roles.WorkshopHost, Roles.Vendor })
        {
            var e = await Assert.ThrowsAsync<AppError>(() => WithAsync(r => r.CrossAsync(new Caller("x", "某人", role, "ah", []), new StatsFilter(), CrossTabRequest.Default, default)));
            Assert.Equal(AppErrorKind.Forbidden, e.Kind);
        }
    }

    protected async Task The_cross_table_exports_with_its_totals()
    {
        var table = await WithAsync(r => r.CrossAsync(Admin("ah"), new StatsFilter(), CrossTabRequest.Default, default));
        var (csv, _, name) = FigureExport.Write(table.ToFigure(), FigureExport.Csv);
        Assert.Equal((byte[])[0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.Equal("统计-学科 × 学段 资源数.csv", name);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("学科 \\ 学段,小学,初中,高中,合计", lines[0]);
        Assert.Equal($"语文,{string.Join(',', table.Counts[0])},{table.RowTotal(0)}", lines[1]);
        Assert.Equal($"合计,{table.ColumnTotal(0)},{table.ColumnTotal(1)},{table.ColumnTotal(2)},{table.Total}", lines[^1]);
        Assert.Equal(table.Rows.Count + 2, lines.Length);

        var (xlsx, _, _) = FigureExport.Write(table.ToFigure(), FigureExport.Xlsx);
        var sheet = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal([.. table.Rows.Select(r => r.Label), "合计"], sheet.Select(r => (string)r["学科 \\ 学段"]));
        Assert.Equal(table.Total, Convert.ToInt32(sheet[^1]["合计"]));
    }

    private static double MedianOf(IEnumerable<double> values)
    {
        var s = values.Order().ToArray();
        return s.Length == 0 ? 0 : s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}

public sealed class SqliteStatsReportsTests() : StatsReportsTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Platform() => The_platform_admin_sees_every_figure_of_the_whole_platform();
    [Fact] public Task Drill_down() => A_city_admin_drills_down_within_its_region_and_dates();
    [Fact] public Task Refusals() => Regions_outside_the_callers_and_non_admins_are_refused();
    [Fact] public Task Export() => A_figure_exports_as_csv_with_a_bom_and_as_xlsx();
    [Fact] public Task Cross() => The_cross_table_counts_two_dimensions_in_the_callers_region();
    [Fact] public Task Cross_refusals() => Cross_table_mistakes_and_other_roles_are_refused();
    [Fact] public Task Cross_export() => The_cross_table_exports_with_its_totals();
}

public sealed class PostgresStatsReportsTests() : StatsReportsTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Platform() => The_platform_admin_sees_every_figure_of_the_whole_platform();
    [PostgresFact] public Task Drill_down() => A_city_admin_drills_down_within_its_region_and_dates();
    [PostgresFact] public Task Refusals() => Regions_outside_the_callers_and_non_admins_are_refused();
    [PostgresFact] public Task Export() => A_figure_exports_as_csv_with_a_bom_and_as_xlsx();
    [PostgresFact] public Task Cross() => The_cross_table_counts_two_dimensions_in_the_callers_region();
    [PostgresFact] public Task Cross_refusals() => Cross_table_mistakes_and_other_roles_are_refused();
    [PostgresFact] public Task Cross_export() => The_cross_table_exports_with_its_totals();
}
