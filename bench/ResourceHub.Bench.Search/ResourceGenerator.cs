using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Bench.Search;

/// <summary>Plausible Chinese training resources from the taxonomy: "小学数学《分数的初步认识》微课（第3课时）".</summary>
public sealed class ResourceGenerator(TaxonomyCatalog taxonomy, int seed = 42)
{
    private static readonly string[] Lessons =
    [
        "分数的初步认识", "分数加法与减法", "圆的面积", "勾股定理", "一元二次方程", "函数的单调性", "牛顿第一定律", "光的折射",
        "欧姆定律", "化学反应速率", "细胞的结构", "静夜思", "背影", "春", "荷塘月色", "自然拼读", "现在进行时", "阅读理解策略",
        "作文情境创设", "古诗词鉴赏", "三角形的内角和", "平行四边形", "概率初步", "数据的收集与整理", "植物的光合作用",
        "地球的运动", "气候类型", "中国近代史", "丝绸之路", "宪法与法治", "Scratch 编程入门", "Python 数据分析", "PPT课件制作",
        "信息技术与学科融合", "班级文化建设", "家校沟通", "心理健康教育", "师德师风", "篮球运球", "水彩画基础", "音乐欣赏",
        "幼儿游戏活动", "实训课程设计", "项目式学习", "大单元教学", "双减背景下的作业设计", "核心素养导向的教学", "跨学科主题学习",
    ];

    private static readonly string[] Phrases =
    [
        "本课通过情境导入激发学生兴趣", "借助**信息技术**突破教学重难点", "设计分层练习落实双减要求", "以问题链驱动学生深度思考",
        "运用小组合作学习提升课堂效率", "结合生活实例帮助学生理解概念", "采用微课翻转课堂模式", "注重核心素养的培养",
        "通过实验探究培养科学思维", "利用思维导图梳理知识结构", "评价量规贯穿教学全过程", "适合青年教师研修参考",
    ];

    private readonly Random _random = new(seed);

    public Resource Next(int n)
    {
        var stage = Pick(taxonomy.Stages.Terms);
        var subject = Pick(taxonomy.Subjects.Terms);
        var kind = Pick(taxonomy.Kinds.Terms);
        var lesson = Lessons[_random.Next(Lessons.Length)];
        var created = new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(n * 7);
        // Mostly published, as on a live platform; a few drafts and reviews for authorization to matter.
        var roll = _random.Next(100);
        var status = roll < 80 ? ResourceStatus.Published : roll < 88 ? ResourceStatus.Recommended : roll < 95 ? ResourceStatus.Draft : ResourceStatus.InReview;
        return new Resource
        {
            Id = Guid.NewGuid(),
            Title = $"{stage.Name}{subject.Name}《{lesson}》{kind.Name}（第{n % 12 + 1}课时）",
            Description = string.Join("，", Enumerable.Range(0, 3).Select(_ => Phrases[_random.Next(Phrases.Length)])) + "。",
            Subject = subject.Code,
            Stage = stage.Code,
            Kind = kind.Code,
            Topics = [Pick(taxonomy.Topics.Terms).Code],
            Tags = [lesson.Length > 8 ? lesson[..8] : lesson, stage.Name],
            Status = status,
            OwnerOrg = $"org{_random.Next(50)}",
            CreatedBy = $"user{_random.Next(2000)}",
            CreatedAt = created,
            UpdatedAt = created.AddHours(_random.Next(1000)),
        };
    }

    public static IReadOnlyList<string> Queries { get; } =
    [
        "分数", "圆的面积", "勾股定理", "教学设计", "信息技术", "阅读", "实验", "PPT课件", "自然拼读", "微课",
        "背影", "函数", "核心素养", "作业设计", "班级", "心理健康", "python", "编程", "光", "圆",
        "小学 数学", "初中 物理 实验", "高中 化学", "大单元教学", "跨学科", "古诗词", "课堂实录", "师德", "篮球", "幼儿",
    ];

    private TaxonomyTerm Pick(IReadOnlyList<TaxonomyTerm> terms) => terms[_random.Next(terms.Count)];
}
