using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Application;
using ResourceHub.Application.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Application.Tests.Resources;

/// <summary>
/// The authoring use cases every adapter calls (OData, web pages), per role: who may create, edit, upload and list,
/// and the Chinese messages of an invalid form — checked here once, below any HTTP.
/// </summary>
public abstract class ResourceAuthoringTests(string provider) : ApiTest(provider)
{
    private static readonly Caller Vendor = new("alice", "上传员", Roles.Vendor, "acme", []);
    private static readonly Caller Colleague = new("bob", "同事", Roles.Vendor, "acme", []);
    private static readonly Caller OtherVendor = new("mallory", "他人", Roles.Vendor, "lumen", []);
    private static readonly Caller Teacher = new("li.ming", "李明", Roles.Teacher, "acme", []);
    private static readonly Caller Expert = new("zhang", "张专家", Roles.Expert, "acme", ["math"]);

    private static ResourceChanges Valid(string title = "圆的面积（微课）") => new()
    {
        Title = new(title), Kind = new("micro-lesson"), Stage = new("primary"), Subject = new("math"),
        Topics = new(["it-integration"]), Tags = new(["圆"]),
    };

    private async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> use)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider);
    }

    private Task<Resource> CreateAsync(Caller caller, ResourceChanges changes) =>
        RunAsync(s => s.GetRequiredService<ResourceAuthoring>().CreateAsync(caller, changes, default));

    private Task<Resource> UpdateAsync(Caller caller, Guid id, string title) =>
        RunAsync(s => s.GetRequiredService<ResourceAuthoring>().UpdateAsync(caller, id, new ResourceChanges { Title = new(title) }, null, default));

    private async Task PublishAsync(Guid id) =>
        await RunAsync(s => s.GetRequiredService<ResourceHubDbContext>().Resources.Where(r => r.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, ResourceStatus.Published)));

    [Fact]
    public async Task A_vendor_creates_a_draft_owned_by_its_organisation_and_a_colleague_may_edit_it()
    {
        var created = await CreateAsync(Vendor, Valid());
        Assert.Equal(("acme", "alice", ResourceStatus.Draft), (created.OwnerOrg, created.CreatedBy, created.Status));
        var edited = await UpdateAsync(Colleague, created.Id, "圆的面积（修订）");
        Assert.Equal("圆的面积（修订）", edited.Title);
    }

    [Fact]
    public async Task A_teacher_cannot_edit_a_vendors_resource()
    {
        var draft = await CreateAsync(Vendor, Valid());
        var hidden = await Assert.ThrowsAsync<AppError>(() => UpdateAsync(Teacher, draft.Id, "改掉"));
        Assert.Equal(AppErrorKind.NotFound, hidden.Kind); // a draft is not even visible to a teacher
        await PublishAsync(draft.Id);
        var refused = await Assert.ThrowsAsync<AppError>(() => UpdateAsync(Teacher, draft.Id, "改掉"));
        Assert.Equal(AppErrorKind.Forbidden, refused.Kind);
        Assert.StartsWith("无权修改此资源", refused.Message);
        var upload = await Assert.ThrowsAsync<AppError>(() =>
            RunAsync(s => s.GetRequiredService<ResourceUploads>().OpenAsync(Teacher, draft.Id, null, default)));
        Assert.Equal(AppErrorKind.Forbidden, upload.Kind);
    }

    [Fact]
    public async Task Another_organisations_vendor_gets_404_on_a_draft_and_403_once_published_and_never_lists_it()
    {
        var draft = await CreateAsync(Vendor, Valid("仅本机构可见"));
        Assert.Equal(AppErrorKind.NotFound, (await Assert.ThrowsAsync<AppError>(() => UpdateAsync(OtherVendor, draft.Id, "x"))).Kind);
        Assert.Equal(AppErrorKind.NotFound, (await Assert.ThrowsAsync<AppError>(() =>
            RunAsync(s => s.GetRequiredService<MyUploads>().GetAsync(OtherVendor, draft.Id, default)))).Kind);
        await PublishAsync(draft.Id);
        Assert.Equal(AppErrorKind.Forbidden, (await Assert.ThrowsAsync<AppError>(() => UpdateAsync(OtherVendor, draft.Id, "x"))).Kind);
        Assert.Equal(AppErrorKind.Forbidden, (await Assert.ThrowsAsync<AppError>(() =>
            RunAsync(async s =>
            {
                await s.GetRequiredService<ResourceAuthoring>().DeleteAsync(OtherVendor, draft.Id, null, default);
                return true;
            }))).Kind);
        var theirs = await RunAsync(s => s.GetRequiredService<MyUploads>().ListAsync(OtherVendor, default));
        Assert.DoesNotContain(theirs, r => r.Id == draft.Id);
        var mine = await RunAsync(s => s.GetRequiredService<MyUploads>().ListAsync(Colleague, default));
        Assert.Contains(mine, r => r.Id == draft.Id);
    }

    [Fact]
    public async Task A_teacher_lists_only_own_uploads_and_an_expert_may_not_create()
    {
        var vendors = await CreateAsync(Vendor, Valid("供应商的"));
        var own = await CreateAsync(Teacher, Valid("教师自己的"));
        var list = await RunAsync(s => s.GetRequiredService<MyUploads>().ListAsync(Teacher, default));
        Assert.Equal([own.Id], list.Select(r => r.Id));
        Assert.DoesNotContain(list, r => r.Id == vendors.Id);
        var refused = await Assert.ThrowsAsync<AppError>(() => CreateAsync(Expert, Valid()));
        Assert.Equal(AppErrorKind.Forbidden, refused.Kind);
    }

    [Fact]
    public async Task An_empty_form_is_refused_with_a_chinese_message_for_each_field()
    {
        var empty = new ResourceChanges { Title = new("  "), Kind = new(""), Stage = new(null), Subject = new("") };
        var e = await Assert.ThrowsAsync<AppError>(() => CreateAsync(Vendor, empty));
        Assert.Equal(AppErrorKind.BadRequest, e.Kind);
        var byField = e.Details.ToDictionary(d => d.Target!, d => d.Message);
        Assert.StartsWith("标题不能为空", byField["Title"]);
        Assert.StartsWith("请选择类型", byField["Kind"]);
        Assert.StartsWith("请选择学段", byField["Stage"]);
        Assert.StartsWith("请选择学科", byField["Subject"]);
        Assert.Equal(0, await RunAsync(s => s.GetRequiredService<ResourceHubDbContext>().Resources.CountAsync()));
    }
}

public sealed class SqliteResourceAuthoringTests() : ResourceAuthoringTests(DatabaseOptions.Sqlite);

[Trait("Provider", "postgres")]
public sealed class PostgresResourceAuthoringTests() : ResourceAuthoringTests(DatabaseOptions.Postgres);
