namespace ResourceHub.Domain.Curation;

/// <summary>
/// Rubrics drawn from the training documents, loaded into an empty database: a 100-point
/// micro-lesson / lesson rubric and the 研修 (school-based training) inspection table.
/// </summary>
public static class SeedRubrics
{
    public static readonly Guid LessonRubricId = Guid.Parse("6d1c9f0e-3b7a-4c55-9a51-000000000001");
    public static readonly Guid TrainingRubricId = Guid.Parse("6d1c9f0e-3b7a-4c55-9a51-000000000002");

    /// <summary>The default for any kind: 微课、课例 and other teaching resources, 100 points.</summary>
    public static Rubric Lesson(string ownerOrg, DateTime at) => Build(LessonRubricId, "优课评审量规（微课/课例，100 分）", [], ownerOrg, at,
        passMean: 70, gap: 20,
        ("教学设计", 25, "目标明确、重难点突出，符合课程标准与学情"),
        ("内容呈现", 25, "内容科学准确，讲解清晰，示范规范"),
        ("信息技术融合", 20, "技术运用恰当，服务于学习方式转变"),
        ("教学效果", 20, "学生参与度高，目标达成"),
        ("规范与创新", 10, "画面、声音清晰，时长适宜，有特色创新"));

    /// <summary>研修成果 (assignments, journals, bulletins): 制度建设 15 / 日常研修 40 / 成果呈现 20 / 保障落实 20.</summary>
    public static Rubric Training(string ownerOrg, DateTime at) => Build(TrainingRubricId, "校本研修评估量规（95 分）",
        ["assignment", "journal", "bulletin"], ownerOrg, at, passMean: 60, gap: 20,
        ("制度建设", 15, "查阅资料"),
        ("日常研修", 40, "查看档案"),
        ("成果呈现", 20, "查阅资料、实地查看"),
        ("保障落实", 20, "实地查看"));

    private static Rubric Build(Guid id, string name, List<string> kinds, string ownerOrg, DateTime at, double passMean, double gap,
        params (string Name, double Max, string How)[] rows) => new()
    {
        Id = id, Name = name, Kinds = kinds, OwnerOrg = ownerOrg, CreatedAt = at, UpdatedAt = at,
        RequiredReviews = Rubric.DefaultRequiredReviews, PassMean = passMean, DivergenceGap = gap,
        Criteria = rows.Select((r, i) => new RubricCriterion
        {
            Id = Guid.NewGuid(), RubricId = id, Position = i + 1, Name = r.Name, MaxPoints = r.Max, Description = r.How,
        }).ToList(),
    };
}
