using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.Resources;
using ResourceHub.Data;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Api.Demo;

/// <summary>
/// A first minute's worth of content for an empty database: organisations of every tier and a few
/// dozen published resources across subjects and stages, with Chinese titles.
/// </summary>
public sealed class DemoData(ResourceHubDbContext db, TaxonomyCatalog taxonomy, ResourceFileStore files, ILogger<DemoData> logger)
{
    public static readonly Organization[] Organizations =
    [
        new() { Code = "ah-edu", Name = "安徽省教育厅", Kind = "region", Tier = "province" },
        new() { Code = "hf-edu", Name = "合肥市教育局", Kind = "region", Tier = "city", ParentCode = "ah-edu" },
        new() { Code = "bh-edu", Name = "合肥市包河区教育体育局", Kind = "region", Tier = "county", ParentCode = "hf-edu" },
        new() { Code = "bh-no1", Name = "包河区第一小学", Kind = "school", Tier = "school", ParentCode = "bh-edu" },
        new() { Code = "acme", Name = "远程培训示范机构", Kind = "vendor", Tier = "province", ParentCode = "ah-edu" },
        new() { Code = "lumen", Name = "启明课程供应商", Kind = "vendor", Tier = "province", ParentCode = "ah-edu" },
    ];

    private static readonly (string Kind, string Subject, string Stage, string Title, string[] Topics, string[] Tags)[] Items =
    [
        ("micro-lesson", "math", "primary", "分数的初步认识（微课）", ["it-integration"], ["分数", "三年级"]),
        ("lesson-design", "math", "junior", "一元二次方程的解法 教学设计", ["it-methods"], ["方程", "九年级"]),
        ("lesson-record", "chinese", "primary", "《静夜思》课堂实录", ["it-cases"], ["古诗", "二年级"]),
        ("case", "chinese", "junior", "整本书阅读《西游记》教学案例", ["core-literacy"], ["阅读", "七年级"]),
        ("reflection", "english", "senior", "高中英语读写结合课的教学反思", ["growth"], ["写作"]),
        ("courseware", "physics", "junior", "牛顿第一定律 课件", ["it-integration"], ["力学", "八年级"]),
        ("micro-lesson", "chemistry", "senior", "化学反应速率的影响因素（微课）", ["tech-literacy"], ["实验"]),
        ("lesson-design", "biology", "junior", "植物的光合作用 教学设计", ["planning"], ["光合作用"]),
        ("case", "history", "senior", "史料实证素养培养的教学案例", ["core-literacy"], ["史料"]),
        ("courseware", "geography", "junior", "地球的公转 课件", ["it-methods"], ["地球运动"]),
        ("lesson-record", "politics", "senior", "经济生活：价格变动的影响 课堂实录", ["it-cases"], ["经济"]),
        ("micro-lesson", "it", "junior", "用Python画出美丽的图形（微课）", ["tech-literacy"], ["编程", "Python"]),
        ("lesson-design", "science", "primary", "水的三态变化 教学设计", ["planning"], ["科学探究"]),
        ("reflection", "music", "primary", "音乐课中节奏训练的教学反思", ["assessment"], ["节奏"]),
        ("courseware", "art", "primary", "色彩的冷暖 课件", ["it-integration"], ["色彩"]),
        ("lesson-record", "pe", "junior", "篮球运球技术 课堂实录", ["organization"], ["篮球"]),
        ("case", "practice", "junior", "校园植物调查 综合实践活动案例", ["it-cases"], ["研究性学习"]),
        ("micro-lesson", "early-childhood", "preschool", "幼儿园大班绘本《猜猜我有多爱你》", ["growth"], ["绘本"]),
        ("courseware", "vocational", "vocational", "汽车发动机构造 课件", ["tech-literacy"], ["汽修"]),
        ("assignment", "ethics", "primary", "师德修养研修作业：做有温度的教师", ["ethics"], ["师德"]),
        ("journal", "class-management", "junior", "班主任研修日志：班级公约的制定", ["organization"], ["班级管理"]),
        ("bulletin", "mental-health", "primary", "研修简报：小学生心理健康教育专题", ["growth"], ["心理健康"]),
        ("story-video", "chinese", "primary", "数字故事：我的语文教学成长路", ["growth"], ["教师成长"]),
        ("lesson-design", "english", "primary", "Unit 3 My Friends 教学设计", ["it-methods"], ["英语", "四年级"]),
        ("micro-lesson", "math", "senior", "函数的单调性（微课）", ["it-integration"], ["函数", "高一"]),
        ("case", "math", "primary", "信息技术支持下的小学数学探究学习案例", ["it-cases"], ["探究学习"]),
        ("reflection", "physics", "senior", "基于数字化实验的物理教学反思", ["assessment"], ["数字化实验"]),
        ("courseware", "chinese", "senior", "《赤壁赋》课件", ["core-literacy"], ["文言文"]),
        ("lesson-record", "math", "junior", "勾股定理 课堂实录", ["it-cases"], ["几何", "八年级"]),
        ("micro-lesson", "law", "junior", "依法治教：教师的法律责任（微课）", ["ethics"], ["法律"]),
    ];

    public async Task SeedIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Resources.AnyAsync(ct))
            return;
        foreach (var org in Organizations)
            if (!await db.Organizations.AnyAsync(o => o.Code == org.Code, ct))
                db.Organizations.Add(new Organization { Code = org.Code, Name = org.Name, Kind = org.Kind, Tier = org.Tier, ParentCode = org.ParentCode });
        var start = DateTime.UtcNow.AddDays(-Items.Length);
        for (var i = 0; i < Items.Length; i++)
        {
            var item = Items[i];
            var at = start.AddDays(i);
            db.Resources.Add(new Resource
            {
                Id = Guid.NewGuid(),
                Kind = item.Kind,
                Title = item.Title,
                Description = $"**{taxonomy.Stages.NameOf(item.Stage)}{taxonomy.Subjects.NameOf(item.Subject)}** · {taxonomy.Kinds.NameOf(item.Kind)}\n\n示例资源，用于体验检索与下载。",
                Subject = item.Subject,
                Stage = item.Stage,
                Topics = item.Topics.ToList(),
                Tags = item.Tags.ToList(),
                OwnerOrg = i % 3 == 0 ? "lumen" : "acme",
                CreatedBy = "demo",
                CreatedAt = at,
                UpdatedAt = at,
                Status = ResourceStatus.Published,
            });
        }
        await db.SaveChangesAsync(ct);
        foreach (var resource in db.Resources.Local.ToList())
            await AttachFileAsync(resource, ct);
        DemoContest.Add(db, db.Resources.Local.ToList(), DateTime.UtcNow);
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Loaded {Count} demo resources", Items.Length);
    }

    private async Task AttachFileAsync(Resource resource, CancellationToken ct)
    {
        if (await DemoFiles.ForAsync(resource, ct) is not { } file)
            return;
        using var content = new MemoryStream(file.Bytes);
        await files.StoreAsync(resource, content, file.FileName, file.ContentType, ct);
    }
}
