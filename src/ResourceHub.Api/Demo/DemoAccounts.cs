using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Users;

namespace ResourceHub.Api.Demo;

/// <summary>
/// Sign-ins for every role in the embedded demo (the people of README's curation walk-through), all with
/// <see cref="Password"/>. Created once; a password changed later with `user add` is kept.
/// </summary>
public sealed class DemoAccounts(ResourceHubDbContext db, LocalAccounts accounts)
{
    public const string Password = "demo-2026";

    public static readonly NewAccount[] People =
    [
        new("li.ming", "李明", Roles.Teacher, "bh-no1", [], Password),
        new("wang.fang", "王芳", Roles.Teacher, "bh-no1", [], Password),
        new("zhang.expert", "张老师（数学专家）", Roles.Expert, "hf-edu", ["math"], Password),
        new("chen.expert", "陈老师（数学专家）", Roles.Expert, "ah-edu", ["math"], Password),
        new("zhao.host", "赵坊主", Roles.WorkshopHost, "bh-edu", [], Password),
        new("alice", "远程培训示范机构上传员", Roles.Vendor, "acme", [], Password),
        new("school.admin", "包河区第一小学管理员", Roles.Admin, "bh-no1", [], Password),
        new("county.admin", "包河区教体局管理员", Roles.Admin, "bh-edu", [], Password),
        new("city.admin", "合肥市教育局管理员", Roles.Admin, "hf-edu", [], Password),
        new("province.admin", "安徽省教育厅管理员", Roles.Admin, "ah-edu", [], Password),
    ];

    public async Task EnsureAsync(CancellationToken ct)
    {
        foreach (var person in People)
            if (!await db.Set<LocalAccount>().AnyAsync(a => a.UserId == person.UserId, ct))
                await accounts.AddAsync(person, ct);
    }
}
