using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Application.Packages;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Packages;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Web.Tests.Pages;

/// <summary>
/// A 课例资源包's lifecycle in the browser: its vendor's 送审 refused by the 课例 rule, then accepted; two experts find it
/// in the review desk marked 资源包 and score it with the rubric; a host nominates it and the province admin recommends it
/// on its page; History shows each step and teachers see it only once published.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PackageCurationPagesTests(WebServer server)
{
    private static readonly Caller Alice = new("alice", "上传员", Roles.Vendor, "acme", []);

    [Fact]
    public async Task A_lesson_case_package_is_sent_to_review_reviewed_nominated_and_recommended()
    {
        var title = "《比的意义》课例" + Guid.NewGuid().ToString("N")[..6];
        var (id, reflection) = await PackageAsync(title);

        var alice = await server.SignedInAsync("alice");
        await alice.GotoAsync($"/packages/{id}");
        Assert.Contains("课例资源包", await alice.TextContentAsync(".package-badge"));
        Assert.Contains("缺少教学反思", await alice.TextContentAsync(".checks"));
        var refused = await alice.RunAndWaitForResponseAsync(() => alice.ClickAsync("#submit-package"), r => r.Request.Method == "POST");
        Assert.Equal(409, refused.Status);
        Assert.Contains("课例资源包须包含教学设计和教学反思", await alice.TextContentAsync(".notice.error"));

        await using (var scope = server.Services.CreateAsyncScope())
        {
            var package = await scope.ServiceProvider.GetRequiredService<PackageAuthoring>().FindReadableAsync(Alice, id, default);
            var ids = package.Sections.Single().Items.OrderBy(i => i.Position).Select(i => i.ResourceId).Append(reflection).ToList();
            await scope.ServiceProvider.GetRequiredService<PackageAuthoring>()
                .UpdateAsync(Alice, id, new PackageDraft(Sections: [new SectionDraft("第一课时", ids)]), null, default);
        }
        await alice.GotoAsync($"/packages/{id}");
        await alice.ClickAsync("#submit-package");
        await alice.WaitForURLAsync(u => u.Contains("done="));
        Assert.Contains("资源包已送审", await alice.TextContentAsync(".notice"));
        Assert.Equal("已提交", await alice.TextContentAsync("#package-status"));
        Assert.Equal(0, await alice.Locator("#submit-package").CountAsync());
        var teacher = await server.SignedInAsync("wang.fang");
        Assert.Equal(404, (await teacher.GotoAsync($"/packages/{id}"))!.Status);

        foreach (var (expert, points) in new[] { ("zhang.expert", new[] { 22, 23, 18, 17, 9 }), ("chen.expert", new[] { 20, 22, 17, 18, 8 }) })
        {
            var page = await server.SignedInAsync(expert);
            await page.GotoAsync("/review");
            var row = page.Locator("tr.package-row", new() { HasText = title });
            Assert.Contains("资源包", await row.TextContentAsync());
            await row.Locator("a").ClickAsync();
            await page.WaitForURLAsync(server.BaseUrl + $"/review/packages/{id}");
            Assert.Contains("教学反思", await page.TextContentAsync(".detail-main"));
            Assert.Contains("提供机构", await page.TextContentAsync("p.meta")); // an open (not blind) rubric names the maker
            for (var i = 0; i < points.Length; i++)
                await page.FillAsync($"#points-{i}", points[i].ToString());
            Assert.Equal(points.Sum().ToString(), await page.TextContentAsync("#total"));
            await page.CheckAsync("#verdict-approve");
            await page.ClickAsync("button:has-text('提交评审')");
            await page.WaitForURLAsync(u => u.Contains("done="));
            Assert.Contains($"{points.Sum()} / 100", await page.TextContentAsync("#mine-heading + p"));
        }
        Assert.Equal(ResourceStatus.Published, await StatusAsync(id));
        Assert.Equal(200, (await teacher.GotoAsync($"/packages/{id}"))!.Status);

        var host = await server.SignedInAsync("zhao.host");
        await host.GotoAsync($"/packages/{id}");
        await host.FillAsync("#reason", "课例完整，适合校级推广");
        await host.ClickAsync("button:has-text('推优到校级')");
        await host.WaitForURLAsync(u => u.Contains("done="));
        Assert.Contains("已推优", await host.TextContentAsync(".notice"));

        var admin = await server.SignedInAsync("province.admin");
        await admin.GotoAsync($"/packages/{id}");
        await admin.ClickAsync("button:has-text('推荐为校级')");
        await admin.WaitForURLAsync(u => u.Contains("done="));
        Assert.Equal("校级", await admin.TextContentAsync("#package-level"));
        Assert.Equal("已推荐", await admin.TextContentAsync("#package-status"));
        var history = await admin.TextContentAsync("#package-history");
        foreach (var step in new[] { "提交审核", "开始评审", "专家评审", "发布", "推优", "推荐" })
            Assert.Contains(step, history);
        Assert.Contains("课例完整，适合校级推广", history);
    }

    /// <summary>alice's 课例 package holding a published lesson design; returns it and a published reflection not yet in it.</summary>
    private async Task<(Guid Package, Guid Reflection)> PackageAsync(string title)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>();
        var now = DateTime.UtcNow;
        Resource Published(string kind, string name) => new()
        {
            Id = Guid.NewGuid(), Kind = kind, Title = name, Subject = "math", Stage = "primary",
            OwnerOrg = "acme", CreatedBy = "alice", CreatedAt = now, UpdatedAt = now, Status = ResourceStatus.Published,
        };
        var design = Published("lesson-design", "比的意义：教学设计");
        var reflection = Published("reflection", "比的意义：教学反思");
        db.Resources.AddRange(design, reflection);
        await db.SaveChangesAsync();
        var package = await scope.ServiceProvider.GetRequiredService<PackageAuthoring>().CreateAsync(Alice, new PackageDraft(
            Title: title, Subject: "math", Stage: "primary", Kind: PackageKinds.LessonCase,
            Sections: [new SectionDraft("第一课时", [design.Id])]), default);
        return (package.Id, reflection.Id);
    }

    private async Task<string> StatusAsync(Guid id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResourceHubDbContext>().Set<Package>().Where(p => p.Id == id).Select(p => p.Status).SingleAsync();
    }
}
