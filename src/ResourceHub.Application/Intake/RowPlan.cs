using System.Text.Json;
using ResourceHub.Domain.Intake;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Application.Intake;

/// <summary>What a valid row asks for: the resource's fields, its vendor id and its file in the package.</summary>
public sealed record RowPlan(string ExternalId, Resource Fields, string FilePath, string FileName);

/// <summary>
/// Checks one manifest row and turns it into a <see cref="RowPlan"/>: taxonomy by Chinese name or code,
/// lists split on the usual separators, the file looked up in the package. Every problem is reported, each
/// as "行 N：…" in Chinese, with the values that would have been accepted.
/// </summary>
public sealed class RowChecker(TaxonomyCatalog taxonomy, ResourceValidator validator)
{
    private static readonly char[] ListSeparators = [';', '；', '、', ',', '，', '|', '\n'];

    public (RowPlan? Plan, IReadOnlyList<string> Errors) Check(ManifestRow row, string manifestPath, IReadOnlyCollection<string> files)
    {
        var errors = new List<string>();
        void Add(string message) => errors.Add($"行 {row.Line}：{message}");

        var externalId = row.Get(ManifestColumns.ExternalId);
        if (externalId.Length == 0)
            Add("外部编号不能为空（再次导入时靠它更新原资源而不是重复创建）(ExternalId is required)");
        else if (externalId.Length > ExternalResourceId.MaxLength)
            Add($"外部编号不能超过 {ExternalResourceId.MaxLength} 个字符 (ExternalId is too long)");

        var fields = new Resource
        {
            Title = row.Get(ManifestColumns.Title),
            Kind = Term(taxonomy.Kinds, "类型", row.Get(ManifestColumns.Kind), Add),
            Subject = Term(taxonomy.Subjects, "学科", row.Get(ManifestColumns.Subject), Add),
            Stage = Term(taxonomy.Stages, "学段", row.Get(ManifestColumns.Stage), Add),
            Grade = Optional(row.Get(ManifestColumns.Grade)),
            Topics = Split(row.Get(ManifestColumns.Topics)).Select(t => Term(taxonomy.Topics, "主题", t, Add)).Where(t => t.Length > 0).Distinct().ToList(),
            Tags = Split(row.Get(ManifestColumns.Tags)).Distinct().ToList(),
            Description = Optional(row.Get(ManifestColumns.Description)),
            TrainingProject = Optional(row.Get(ManifestColumns.TrainingProject)),
            Workshop = Optional(row.Get(ManifestColumns.Workshop)),
        };
        if (errors.Count == 0)
        {
            foreach (var (_, message) in validator.Validate(fields))
                Add(message);
        }

        var fileName = row.Get(ManifestColumns.FileName);
        string? path = null;
        if (fileName.Length == 0)
            Add("文件名不能为空 (FileName is required)");
        else if ((path = PackagePaths.Resolve(manifestPath, fileName)) is null)
            Add($"文件名“{fileName}”不能含 ../ 或绝对路径 (the file name must stay inside the package)");
        else if (!files.Contains(path))
            Add($"文件“{fileName}”不在压缩包或文件夹中 (no such file in the package)");

        return errors.Count == 0 ? (new RowPlan(externalId, fields, path!, Path.GetFileName(path!)), errors) : (null, errors);
    }

    /// <summary>The code for a Chinese name or a code; "" (and an error naming the allowed names) otherwise.</summary>
    private static string Term(TaxonomyList list, string label, string value, Action<string> error)
    {
        if (value.Length == 0)
        {
            error($"{label}不能为空，可用值：{Names(list)} ({list.Label} is required)");
            return "";
        }
        var term = list.Terms.FirstOrDefault(t => t.Name == value || string.Equals(t.Code, value, StringComparison.OrdinalIgnoreCase));
        if (term is not null)
            return term.Code;
        error($"{label}“{value}”不存在，可用值：{Names(list)} (unknown {list.Label})");
        return "";
    }

    private static string Names(TaxonomyList list) => string.Join("、", list.Terms.Select(t => t.Name));

    private static IEnumerable<string> Split(string value) =>
        value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Optional(string value) => value.Length == 0 ? null : value;

    /// <summary>A row's cells as stored in <see cref="ImportRow.Cells"/> (header order kept).</summary>
    public static string CellsJson(ManifestRow row) =>
        JsonSerializer.Serialize(row.Cells.Select(c => new[] { c.Key, c.Value }));

    public static ManifestRow FromStored(ImportRow row)
    {
        var pairs = JsonSerializer.Deserialize<string[][]>(row.Cells) ?? [];
        var cells = pairs.Select(p => new KeyValuePair<string, string>(p[0], p[1])).ToList();
        var fields = new Dictionary<string, string>();
        foreach (var (header, value) in cells)
            if (ManifestColumns.FieldOf(header) is { } field)
                fields[field] = value;
        return new ManifestRow(row.Line, cells, fields);
    }
}
