using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Domain.Resources;

/// <summary>Checks a resource's codes and required fields against the taxonomy on every write.</summary>
public sealed class ResourceValidator(TaxonomyCatalog taxonomy)
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 20_000;
    public const int MaxListItems = 20;
    public const int MaxTagLength = 40;
    public const int MaxProvenanceLength = 200;

    /// <summary>Every problem found, as (field, message) pairs; empty when valid.</summary>
    public IReadOnlyList<(string Field, string Message)> Validate(Resource r)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(r.Title))
            errors.Add(("Title", "标题不能为空 (Title is required)"));
        else if (r.Title.Length > MaxTitleLength)
            errors.Add(("Title", $"标题不能超过 {MaxTitleLength} 个字符 (Title is longer than {MaxTitleLength})"));
        if (r.Description is { Length: > MaxDescriptionLength })
            errors.Add(("Description", $"简介不能超过 {MaxDescriptionLength} 个字符"));
        if (r.TrainingProject is { Length: > MaxProvenanceLength } || r.Workshop is { Length: > MaxProvenanceLength })
            errors.Add(("TrainingProject", $"培训项目和工作坊名称不能超过 {MaxProvenanceLength} 个字符"));
        AddIfBad(errors, taxonomy.Kinds, r.Kind);
        AddIfBad(errors, taxonomy.Subjects, r.Subject);
        AddIfBad(errors, taxonomy.Stages, r.Stage);
        foreach (var topic in r.Topics)
            AddIfBad(errors, taxonomy.Topics, topic);
        if (r.Topics.Count > MaxListItems)
            errors.Add(("Topics", $"主题最多 {MaxListItems} 个"));
        if (r.Tags.Count > MaxListItems)
            errors.Add(("Tags", $"标签最多 {MaxListItems} 个"));
        foreach (var tag in r.Tags.Where(t => string.IsNullOrWhiteSpace(t) || t.Length > MaxTagLength))
            errors.Add(("Tags", $"标签 '{tag}' 为空或超过 {MaxTagLength} 个字符"));
        return errors;
    }

    /// <summary>The required pickers, by the Chinese name a form shows them under.</summary>
    private static readonly Dictionary<string, string> Required = new() { ["Kind"] = "类型", ["Subject"] = "学科", ["Stage"] = "学段" };

    private static void AddIfBad(List<(string, string)> errors, TaxonomyList list, string? code)
    {
        if (string.IsNullOrEmpty(code) && Required.TryGetValue(list.Label, out var name))
            errors.Add((list.Label, $"请选择{name} ({list.Label} is required)"));
        else if (list.Check(code) is { } message)
            errors.Add((list.Label, message));
    }
}
