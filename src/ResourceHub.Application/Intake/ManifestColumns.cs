namespace ResourceHub.Application.Intake;

/// <summary>The manifest's columns: one per core field, named in Chinese or English.</summary>
public static class ManifestColumns
{
    public const string ExternalId = "ExternalId";
    public const string Title = "Title";
    public const string Kind = "Kind";
    public const string Subject = "Subject";
    public const string Stage = "Stage";
    public const string Grade = "Grade";
    public const string Topics = "Topics";
    public const string Tags = "Tags";
    public const string Description = "Description";
    public const string TrainingProject = "TrainingProject";
    public const string Workshop = "Workshop";
    public const string FileName = "FileName";

    /// <summary>Field → its Chinese header (first, used in messages and the sample) and the other accepted names.</summary>
    public static readonly IReadOnlyList<(string Field, string[] Names)> All =
    [
        (ExternalId, ["外部编号", "编号", "ExternalId"]),
        (Title, ["标题", "Title"]),
        (Kind, ["类型", "资源类型", "Kind"]),
        (Subject, ["学科", "Subject"]),
        (Stage, ["学段", "Stage"]),
        (Grade, ["年级", "Grade"]),
        (Topics, ["主题", "Topics", "Topic"]),
        (Tags, ["标签", "Tags", "Tag"]),
        (Description, ["简介", "描述", "Description"]),
        (TrainingProject, ["培训项目", "TrainingProject"]),
        (Workshop, ["工作坊", "Workshop"]),
        (FileName, ["文件名", "文件", "FileName", "File"]),
    ];

    /// <summary>Columns a manifest must have (every row needs them; the rest may be left out).</summary>
    public static readonly IReadOnlyList<string> Required = [ExternalId, Title, Kind, Subject, Stage, FileName];

    private static readonly Dictionary<string, string> ByName = All
        .SelectMany(c => c.Names.Select(n => (Key: Normalize(n), c.Field)))
        .ToDictionary(x => x.Key, x => x.Field);

    /// <summary>The field a header names, or null. Case, spaces, underscores and a required-marker * do not matter.</summary>
    public static string? FieldOf(string header) => ByName.GetValueOrDefault(Normalize(header));

    public static string ChineseName(string field) => All.First(c => c.Field == field).Names[0];

    private static string Normalize(string header) =>
        new string(header.Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '*' or '\uFEFF')).ToArray()).ToLowerInvariant();
}
