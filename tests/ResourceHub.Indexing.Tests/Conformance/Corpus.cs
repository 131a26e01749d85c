using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Indexing.Tests.Conformance;

/// <summary>Curation signals the corpus gives some items (Resource gets these fields on the curation branch).</summary>
public sealed record Curation(string? Level, double? Quality);

/// <summary>
/// The conformance corpus: hand-written Chinese resources covering every case, plus a filler of
/// generated exercises ("练习题") so paging runs past 10,000 hits.
/// </summary>
public static class Corpus
{
    public const int FillerCount = 10_200;
    private static readonly DateTime Start = new(2024, 1, 1, 8, 0, 0, DateTimeKind.Utc);

    /// <summary>Text inside a resource's file, by title (resource_texts): words found nowhere else in the corpus.</summary>
    public static readonly IReadOnlyDictionary<string, string> Contents = new Dictionary<string, string>
    {
        ["圆柱与圆锥"] = "前面几页用实物演示圆锥的体积是等底等高圆柱体积的三分之一，再让学生动手验证。最后一页布置实践作业：课后请同学们收集"
            + "校园里的银杏落叶（<b>注意安全</b>），按叶形分类后制作成标本，下节课带到教室展示交流。",
    };

    public static (List<Resource> Resources, Dictionary<Guid, Curation> Curation) Create()
    {
        var list = new List<Resource>();
        var curation = new Dictionary<Guid, Curation>();
        void Add(string title, string subject, string stage, string kind, string status = ResourceStatus.Published,
            string org = "acme", string by = "alice", string[]? topics = null, string[]? tags = null, string? description = null,
            string? level = null, double? quality = null, long downloads = 0, int[]? stars = null)
        {
            var created = Start.AddDays(list.Count);
            var r = new Resource
            {
                Id = Guid.NewGuid(), Title = title, Subject = subject, Stage = stage, Kind = kind, Status = status,
                OwnerOrg = org, CreatedBy = by, Topics = [.. topics ?? []], Tags = [.. tags ?? []], Description = description,
                CreatedAt = created, UpdatedAt = created.AddHours(list.Count),
            };
            if (downloads > 0 || stars is not null)
                r.Stats = new ResourceStats
                {
                    ResourceId = r.Id, Downloads = downloads, RatingCount = stars?.Length ?? 0, RatingSum = stars?.Sum() ?? 0, UpdatedAt = created,
                };
            list.Add(r);
            if (level is not null || quality is not null)
                curation[r.Id] = new Curation(level, quality);
        }

        Add("分数的初步认识", "math", "primary", "micro-lesson", tags: ["分数", "三年级"], description: "本微课通过**折纸**活动帮助学生理解分数的意义。",
            downloads: 120, stars: [4, 5]);
        Add("分数加法与减法", "math", "primary", "courseware", downloads: 300, stars: [3]);
        Add("异分母分数加减法教学设计", "math", "primary", "lesson-design", status: ResourceStatus.Recommended, downloads: 50, stars: [5, 4]);
        Add("圆的面积", "math", "primary", "micro-lesson", description: "用割补法推导圆的面积公式，渗透转化思想。");
        Add("圆柱与圆锥", "math", "primary", "courseware");
        Add("勾股定理的证明", "math", "junior", "lesson-record");
        Add("一元二次方程的解法", "math", "junior", "courseware", status: ResourceStatus.Draft);
        Add("函数的单调性", "math", "senior", "lesson-design", status: ResourceStatus.InReview, org: "lumen", by: "bob");
        Add("牛顿第一定律", "physics", "junior", "micro-lesson");
        Add("光的折射实验", "physics", "junior", "lesson-record", tags: ["实验"]);
        Add("电路与欧姆定律", "physics", "senior", "courseware");
        Add("化学反应速率", "chemistry", "senior", "courseware", status: ResourceStatus.Submitted);
        Add("细胞的结构", "biology", "junior", "micro-lesson");
        Add("静夜思 古诗朗读", "chinese", "primary", "micro-lesson", description: "李白《静夜思》朗读与赏析。");
        Add("《背影》阅读教学", "chinese", "junior", "lesson-design", status: ResourceStatus.Recommended, level: "province", quality: 90);
        Add("《背影》课堂实录", "chinese", "junior", "lesson-record");
        Add("作文教学中的情境创设", "chinese", "junior", "case");
        Add("English Phonics 自然拼读", "english", "primary", "micro-lesson", tags: ["phonics", "PPT"]);
        Add("PPT课件制作技巧", "it", "junior", "courseware", tags: ["PPT"]);
        Add("Scratch 编程入门", "it", "primary", "courseware");
        Add("Python 数据分析初步", "it", "senior", "micro-lesson");
        Add("班级管理中的沟通艺术", "class-management", "primary", "case");
        Add("师德修养案例分析", "ethics", "primary", "case", topics: ["ethics"]);
        Add("心理健康教育活动设计", "mental-health", "junior", "lesson-design");
        Add("中国近代史复习", "history", "senior", "courseware", status: ResourceStatus.Retired);
        Add("世界地理气候类型", "geography", "junior", "courseware");
        Add("依法治教专题讲座", "law", "senior", "lesson-record");
        Add("信息技术与数学深度融合案例", "math", "junior", "case", status: ResourceStatus.Recommended,
            topics: ["it-integration", "it-cases"], level: "national", quality: 100);
        Add("信息技术与语文深度融合案例", "chinese", "junior", "case", topics: ["it-integration"]);
        Add("音乐欣赏：春天", "music", "primary", "micro-lesson");
        Add("美术：水彩画基础", "art", "primary", "micro-lesson");
        Add("体育：篮球运球", "pe", "junior", "lesson-record");
        Add("分数乘法", "math", "primary", "courseware", level: "school", quality: 40, downloads: 120, stars: [5]);
        Add("分数除法", "math", "primary", "courseware", level: "national", quality: 100, downloads: 5);
        Add("圆", "math", "primary", "micro-lesson");
        Add("草稿：分数复习", "math", "primary", "courseware", status: ResourceStatus.Draft, org: "school1", by: "carol");
        Add("评审中：物理实验", "physics", "junior", "courseware", status: ResourceStatus.InReview, org: "lumen", by: "dave");
        Add("数学思想方法", "math", "senior", "courseware", description: "从[分数](http://example.com/a)到函数：数学思想方法的**渗透**。");
        Add("幼儿园游戏活动", "early-childhood", "preschool", "case");
        Add("职业教育实训课程", "vocational", "vocational", "courseware");

        string[] stages = ["primary", "junior", "senior"];
        for (var i = 0; i < FillerCount; i++)
            Add($"练习题 第{i + 1}套", "practice", stages[i % 3], "assignment", org: "bulk", by: "filler", topics: i % 2 == 0 ? ["planning"] : []);
        return (list, curation);
    }
}
