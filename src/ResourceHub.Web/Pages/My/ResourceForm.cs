using ResourceHub.Application.Resources;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Web.Pages.My;

/// <summary>The fields of the create/edit form, as posted; pickers post taxonomy codes, tags are one line.</summary>
public sealed class ResourceForm
{
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public string? Stage { get; set; }
    public string? Subject { get; set; }
    public string? Grade { get; set; }
    public List<string> Topics { get; set; } = [];
    public string? Tags { get; set; }
    public string? Description { get; set; }
    public string? TrainingProject { get; set; }
    public string? Workshop { get; set; }

    /// <summary>The version the form was filled from, so a save over someone else's change is refused, not lost.</summary>
    public string? ETag { get; set; }

    /// <summary>年级 as teachers name them (free text in the model; offered as a list here).</summary>
    public static readonly IReadOnlyList<string> Grades =
        ["一年级", "二年级", "三年级", "四年级", "五年级", "六年级", "七年级", "八年级", "九年级", "高一", "高二", "高三"];

    private static readonly char[] TagSeparators = [',', '，', '、', ';', '；'];

    public static ResourceForm From(Resource r, string etag) => new()
    {
        Title = r.Title, Kind = r.Kind, Stage = r.Stage, Subject = r.Subject, Grade = r.Grade, Topics = r.Topics.ToList(),
        Tags = string.Join("，", r.Tags), Description = r.Description, TrainingProject = r.TrainingProject, Workshop = r.Workshop,
        ETag = etag,
    };

    public ResourceChanges ToChanges() => new()
    {
        Title = new(Title), Kind = new(Kind), Stage = new(Stage), Subject = new(Subject), Grade = new(Blank(Grade)),
        Topics = new(Topics), Description = new(Blank(Description)), TrainingProject = new(Blank(TrainingProject)),
        Workshop = new(Blank(Workshop)),
        Tags = new((Tags ?? "").Split(TagSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList()),
    };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;
}
