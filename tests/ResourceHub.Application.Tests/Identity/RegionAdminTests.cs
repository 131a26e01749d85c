using Microsoft.EntityFrameworkCore;
using ResourceHub.Application;
using ResourceHub.Application.Identity;
using ResourceHub.Application.Organizations;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Taxonomy;
using ResourceHub.Testing;

namespace ResourceHub.Application.Tests.Identity;

/// <summary>
/// The admin pages' use cases per role, on both databases: an admin sees and changes only the organisations and
/// people of their own region (a sibling city's stay invisible), others are refused.
/// </summary>
public abstract class RegionAdminTests(string provider) : IAsyncLifetime
{
    private const string Password = "demo-2026-pass";
    private readonly TestClock _clock = new(new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        await using var context = _db.CreateContext();
        context.Organizations.AddRange(
            new Organization { Code = "ah-edu", Name = "安徽省教育厅", Kind = "region", Tier = "province" },
            new Organization { Code = "hf-edu", Name = "合肥市教育局", Kind = "region", Tier = "city", ParentCode = "ah-edu" },
            new Organization { Code = "bh-edu", Name = "包河区教体局", Kind = "region", Tier = "county", ParentCode = "hf-edu" },
            new Organization { Code = "ls-edu", Name = "六安市教育局", Kind = "region", Tier = "city", ParentCode = "ah-edu" });
        await context.SaveChangesAsync();
        var accounts = new LocalAccounts(context, _clock);
        foreach (var (id, role, org) in new[]
                 {
                     ("hf.admin", Roles.Admin, "hf-edu"), ("bh.teacher", Roles.Teacher, "bh-edu"),
                     ("ls.admin", Roles.Admin, "ls-edu"), ("ls.teacher", Roles.Teacher, "ls-edu"),
                 })
            await accounts.AddAsync(new NewAccount(id, id, role, org, [], Password), default);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    private static Caller Admin(string org) => new($"{org}.admin", "管理员", Roles.Admin, org, []);

    private async Task<T> WithAsync<T>(Caller caller, Func<AccountAdmin, OrganizationAdmin, Caller, Task<T>> act)
    {
        await using var context = _db.CreateContext();
        var resolved = new OrganizationTree(await context.Organizations.AsNoTracking().ToListAsync()).Resolve(caller);
        var accounts = new AccountAdmin(context, new LocalAccounts(context, _clock), _clock);
        var orgs = new OrganizationAdmin(context, TaxonomyCatalog.Default, new OrganizationDirectory(_clock));
        return await act(accounts, orgs, resolved);
    }

    private Task RunAsync(Caller caller, Func<AccountAdmin, OrganizationAdmin, Caller, Task> act) =>
        WithAsync(caller, async (a, o, c) => { await act(a, o, c); return 0; });

    protected async Task A_city_admin_sees_only_its_own_region()
    {
        var users = await WithAsync(Admin("hf-edu"), (a, _, c) => a.ListAsync(c, default));
        Assert.Equal(["bh.teacher", "hf.admin"], users.Select(u => u.User.Id).Order().ToArray());
        var orgs = await WithAsync(Admin("hf-edu"), (_, o, c) => o.ListAsync(c, default));
        Assert.Equal(["bh-edu", "hf-edu"], orgs.Select(x => x.Code).ToArray());
        var province = await WithAsync(Admin("ah-edu"), (a, _, c) => a.ListAsync(c, default));
        Assert.Equal(4, province.Count);
    }

    protected async Task A_city_admin_cannot_touch_another_citys_people_or_organisations()
    {
        var admin = Admin("hf-edu");
        foreach (var act in new Func<AccountAdmin, Caller, Task>[]
                 {
                     (a, c) => a.ResetPasswordAsync(c, "ls.teacher", "new-password-1", default),
                     (a, c) => a.SetLockedAsync(c, "ls.teacher", true, default),
                     (a, c) => a.SetRoleAsync(c, "ls.teacher", Roles.Expert, null, default),
                 })
        {
            var e = await Assert.ThrowsAsync<AppError>(() => RunAsync(admin, (a, _, c) => act(a, c)));
            Assert.Equal(AppErrorKind.NotFound, e.Kind);
        }
        var add = await Assert.ThrowsAsync<AppError>(() => RunAsync(admin, (a, _, c) =>
            a.AddAsync(c, new NewAccount("ls.new", "新人", Roles.Teacher, "ls-edu", [], Password), default)));
        Assert.Equal(AppErrorKind.Forbidden, add.Kind);
        Assert.Contains("管辖的区域", add.Message);
        var org = await Assert.ThrowsAsync<AppError>(() => RunAsync(admin, (_, o, c) =>
            o.CreateAsync(c, new OrganizationInput("ls-no1", "六安一中", "school", "school", "ls-edu"), default)));
        Assert.Equal(AppErrorKind.Forbidden, org.Kind);
        await using var context = _db.CreateContext();
        Assert.Equal(Roles.Teacher, (await context.Users.SingleAsync(u => u.Id == "ls.teacher")).Role);
        Assert.False(await context.Organizations.AnyAsync(o => o.Code == "ls-no1"));
    }

    protected async Task An_admin_adds_locks_unlocks_and_changes_people_of_its_region()
    {
        var admin = Admin("hf-edu");
        await RunAsync(admin, (_, o, c) => o.CreateAsync(c, new OrganizationInput("bh-no2", "包河区第二小学", "school", "school", "bh-edu"), default));
        await RunAsync(admin, (a, _, c) => a.AddAsync(c, new NewAccount("bh.new", "新教师", Roles.Teacher, "bh-no2", [], Password), default));
        var again = await Assert.ThrowsAsync<AppError>(() => RunAsync(admin, (a, _, c) =>
            a.AddAsync(c, new NewAccount("bh.new", "冒名", Roles.Admin, "bh-no2", [], Password), default)));
        Assert.Equal(AppErrorKind.Conflict, again.Kind);

        await RunAsync(admin, (a, _, c) => a.SetLockedAsync(c, "bh.new", true, default));
        Assert.Equal("AccountLocked", (await Assert.ThrowsAsync<AppError>(() => SignInAsync("bh.new", Password))).Code);
        Assert.True((await WithAsync(admin, (a, _, c) => a.ListAsync(c, default))).Single(u => u.User.Id == "bh.new").Locked);
        await RunAsync(admin, (a, _, c) => a.SetLockedAsync(c, "bh.new", false, default));
        await RunAsync(admin, (a, _, c) => a.ResetPasswordAsync(c, "bh.new", "another-password", default));
        await RunAsync(admin, (a, _, c) => a.SetRoleAsync(c, "bh.new", Roles.Expert, ["math"], default));
        var signedIn = await SignInAsync("bh.new", "another-password");
        Assert.Equal((Roles.Expert, "bh-no2"), (signedIn.Role, signedIn.OrgCode));

        var me = new Caller("hf.admin", "管理员", Roles.Admin, "hf-edu", []);
        var self = await Assert.ThrowsAsync<AppError>(() => RunAsync(me, (a, _, c) => a.SetLockedAsync(c, "hf.admin", true, default)));
        Assert.Contains("自己", self.Message);
        var weak = await Assert.ThrowsAsync<AppError>(() => RunAsync(admin, (a, _, c) => a.ResetPasswordAsync(c, "bh.new", "short", default)));
        Assert.StartsWith("密码至少 8 个字符", weak.Message);
    }

    protected async Task An_organisation_in_use_is_not_deleted()
    {
        var admin = Admin("hf-edu");
        foreach (var (code, what) in new[] { ("hf-edu", "下级机构"), ("bh-edu", "用户账号") })
        {
            var e = await Assert.ThrowsAsync<AppError>(() => RunAsync(Admin("ah-edu"), (_, o, c) => o.DeleteAsync(c, code, default)));
            Assert.Equal(AppErrorKind.Conflict, e.Kind);
            Assert.Contains(what, e.Message);
        }
        await RunAsync(admin, (_, o, c) => o.CreateAsync(c, new OrganizationInput("bh-no3", "包河区第三小学", "school", "school", "bh-edu"), default));
        await using (var context = _db.CreateContext())
        {
            context.Resources.Add(new Domain.Resources.Resource { Id = Guid.NewGuid(), Title = "一节课", Kind = "courseware", Subject = "math", Stage = "primary", OwnerOrg = "bh-no3", CreatedBy = "bh.teacher" });
            await context.SaveChangesAsync();
        }
        var used = await Assert.ThrowsAsync<AppError>(() => RunAsync(admin, (_, o, c) => o.DeleteAsync(c, "bh-no3", default)));
        Assert.Contains("资源", used.Message);
        await RunAsync(admin, (_, o, c) => o.CreateAsync(c, new OrganizationInput("bh-no4", "包河区第四小学", "school", "school", "bh-edu"), default));
        await RunAsync(admin, (_, o, c) => o.DeleteAsync(c, "bh-no4", default));
        await using var check = _db.CreateContext();
        Assert.Equal(["ah-edu", "bh-edu", "bh-no3", "hf-edu", "ls-edu"], await check.Organizations.Select(o => o.Code).OrderBy(c => c).ToArrayAsync());
    }

    protected async Task Non_admins_are_refused()
    {
        foreach (var role in new[] { Roles.Teacher, Roles.Expert, Roles.WorkshopHost, Roles.Vendor })
        {
            var caller = new Caller("someone", "某人", role, "hf-edu", []);
            Assert.Equal(AppErrorKind.Forbidden,
                (await Assert.ThrowsAsync<AppError>(() => WithAsync(caller, (a, _, c) => a.ListAsync(c, default)))).Kind);
            Assert.Equal(AppErrorKind.Forbidden,
                (await Assert.ThrowsAsync<AppError>(() => WithAsync(caller, (_, o, c) => o.ListAsync(c, default)))).Kind);
            Assert.Equal(AppErrorKind.Forbidden, (await Assert.ThrowsAsync<AppError>(() => RunAsync(caller, (a, _, c) =>
                a.AddAsync(c, new NewAccount("x.y", "x", Roles.Admin, "hf-edu", [], Password), default)))).Kind);
        }
    }

    private async Task<Caller> SignInAsync(string user, string password)
    {
        await using var context = _db.CreateContext();
        return await new LocalAccounts(context, _clock).SignInAsync(user, password, default);
    }
}

public sealed class SqliteRegionAdminTests() : RegionAdminTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Own_region() => A_city_admin_sees_only_its_own_region();
    [Fact] public Task Other_region() => A_city_admin_cannot_touch_another_citys_people_or_organisations();
    [Fact] public Task Manage() => An_admin_adds_locks_unlocks_and_changes_people_of_its_region();
    [Fact] public Task Non_admins() => Non_admins_are_refused();
    [Fact] public Task In_use() => An_organisation_in_use_is_not_deleted();
}

public sealed class PostgresRegionAdminTests() : RegionAdminTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Own_region() => A_city_admin_sees_only_its_own_region();
    [PostgresFact] public Task Other_region() => A_city_admin_cannot_touch_another_citys_people_or_organisations();
    [PostgresFact] public Task Manage() => An_admin_adds_locks_unlocks_and_changes_people_of_its_region();
    [PostgresFact] public Task Non_admins() => Non_admins_are_refused();
    [PostgresFact] public Task In_use() => An_organisation_in_use_is_not_deleted();
}
