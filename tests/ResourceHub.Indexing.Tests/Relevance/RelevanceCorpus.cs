using System.Text.Json;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;
using ResourceHub.Indexing.Documents;

namespace ResourceHub.Indexing.Tests.Relevance;

/// <summary>What a generated resource is about: the facts relevance is judged on (never its wording).</summary>
public sealed record ResourceMeaning(string Topic, string Stage, string Subject, string Kind, string? Grade);

/// <summary>
/// A deterministic corpus of realistic training resources: six per topic of the curriculum catalogue (about 2,100),
/// across every stage and subject, with titles and descriptions as teachers and vendors write them (grade words in
/// both forms, kind synonyms such as 微视频 and 公开课, recommendation levels).
/// </summary>
public static class RelevanceCorpus
{
    private static readonly Dictionary<string, string[]> Grades = new()
    {
        ["preschool"] = ["k1", "k2", "k3"], ["primary"] = ["g1", "g2", "g3", "g4", "g5", "g6"], ["junior"] = ["g7", "g8", "g9"],
        ["senior"] = ["g10", "g11", "g12"], ["vocational"] = ["v1", "v2", "v3"],
    };

    private static readonly string[] Academic = ["chinese", "math", "english", "it"];
    private static readonly string[] Kinds = ["course", "courseware", "micro-lesson", "lesson-record", "lesson-design", "case", "reflection", "assignment", "journal", "bulletin", "story-video"];
    private static readonly string[] Levels = ["school", "county", "city", "province", "national"];

    private static readonly string[] Phrases =
    [
        "通过情境导入激发学生兴趣", "借助信息技术突破教学重难点", "设计分层练习落实双减要求", "以问题链驱动学生深度思考",
        "运用小组合作学习提升课堂效率", "结合生活实例帮助学生理解", "采用翻转课堂模式", "注重核心素养的培养",
        "通过探究活动培养科学思维", "利用思维导图梳理知识结构", "评价量规贯穿教学全过程", "适合青年教师研修参考",
        "附课后练习与答案", "包含教学目标、重难点和板书设计", "经教研组集体备课打磨",
    ];

    public static IReadOnlyList<(SearchDocument Document, ResourceMeaning Meaning)> Generate(int perTopic = 6, int seed = 2026)
    {
        var random = new Random(seed);
        var taxonomy = TaxonomyCatalog.Default;
        var builder = new SearchDocumentBuilder(taxonomy);
        var list = new List<(SearchDocument, ResourceMeaning)>();
        var n = 0;
        foreach (var (stageKey, subject, topic) in Catalogue())
        {
            for (var i = 0; i < perTopic; i++, n++)
            {
                var stage = stageKey == "any" ? new[] { "primary", "junior", "senior" }[random.Next(3)] : stageKey;
                var subjectCode = taxonomy.Subjects.NameOf(subject) is null ? Academic[random.Next(Academic.Length)] : subject;
                var kind = Kinds[(i * 3 + random.Next(Kinds.Length)) % Kinds.Length];
                var grade = random.Next(5) == 0 ? null : Grades[stage][random.Next(Grades[stage].Length)];
                var level = random.Next(7) == 0 ? Levels[random.Next(Levels.Length)] : null;
                var resource = new Resource
                {
                    Id = new Guid(n, 0, 0, new byte[8]),
                    Title = Title(random, topic, kind, stage, subjectCode, grade, taxonomy),
                    Description = Description(random, topic, stage, subjectCode, taxonomy),
                    Subject = subjectCode, Stage = stage, Kind = kind, Grade = grade,
                    Topics = [], Tags = random.Next(2) == 0 ? [topic] : [],
                    Status = level is null ? ResourceStatus.Published : ResourceStatus.Recommended,
                    RecommendationLevel = level, QualityScore = level is null ? null : 60 + random.Next(40),
                    OwnerOrg = "org" + random.Next(20), CreatedBy = "user" + random.Next(200),
                    CreatedAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(n),
                    UpdatedAt = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(n),
                };
                list.Add((builder.Build(resource), new ResourceMeaning(topic, stage, subjectCode, kind, grade)));
            }
        }
        return list;
    }

    private static IEnumerable<(string Stage, string Subject, string Topic)> Catalogue()
    {
        using var stream = typeof(ResourceHub.Indexing.Understanding.QueryUnderstanding).Assembly.GetManifestResourceStream("ResourceHub.Indexing.Understanding.curriculum.json")!;
        using var doc = JsonDocument.Parse(stream);
        foreach (var stage in doc.RootElement.GetProperty("catalogue").EnumerateObject())
            foreach (var subject in stage.Value.EnumerateObject())
                foreach (var topic in subject.Value.EnumerateArray())
                    yield return (stage.Name, subject.Name, topic.GetString()!);
    }

    private static string GradeWord(Random random, string? grade) => grade is null ? "" :
        ResourceHub.Indexing.Understanding.Lexicon.Default.GradeNames(grade) is { Count: > 0 } names ? names[random.Next(Math.Min(2, names.Count))] : "";

    private static string Title(Random random, string topic, string kind, string stage, string subject, string? grade, TaxonomyCatalog t)
    {
        var g = GradeWord(random, grade);
        var s = t.Stages.NameOf(stage);
        var sub = t.Subjects.NameOf(subject);
        string[] options = kind switch
        {
            "course" => [$"{topic}专题课程", $"{s}{sub}：{topic}（{2 + random.Next(6)}学时）"],
            "courseware" => [$"《{topic}》PPT课件", $"{g}{sub}{topic}课件", $"{topic}（课件）"],
            "micro-lesson" => [$"{topic}微课", $"微视频｜{topic}", $"{g}{sub}《{topic}》微课"],
            "lesson-record" => [$"{g}{sub}《{topic}》课堂实录", $"{topic}公开课", $"{s}{sub}优质课：{topic}"],
            "lesson-design" => [$"《{topic}》教学设计", $"{topic}教案（{g}{sub}）", $"{g}{topic}教学设计"],
            "case" => [$"{topic}教学案例分析", $"案例：{topic}的课堂实践"],
            "reflection" => [$"{topic}教学反思", $"上完《{topic}》后的反思"],
            "assignment" => [$"研修作业：{topic}的教学实践", $"{topic}研修作业"],
            "journal" => [$"研修日志：{topic}听课有感", $"{topic}磨课日志"],
            "bulletin" => [$"研修简报：{topic}主题研讨", $"{s}{sub}{topic}教研简报"],
            _ => [$"数字故事：我的{topic}课堂", $"{topic}电子相册"],
        };
        return options[random.Next(options.Length)];
    }

    private static string Description(Random random, string topic, string stage, string subject, TaxonomyCatalog t) =>
        $"{t.Stages.NameOf(stage)}{t.Subjects.NameOf(subject)}“{topic}”。"
        + string.Join("，", Enumerable.Range(0, 2).Select(_ => Phrases[random.Next(Phrases.Length)])) + "。";
}
