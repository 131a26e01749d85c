using ResourceHub.Indexing.Documents;
using ResourceHub.Query.Model;

namespace ResourceHub.Web.Pages;

/// <summary>A facet of the search page: its URL parameter, the index field behind it, and its Chinese label.</summary>
public sealed record FacetDef(string Param, string Field, string Label);

/// <summary>A sort choice: its URL value, label, and the index order it means (empty = relevance).</summary>
public sealed record SortDef(string Value, string Label, IReadOnlyList<OrderBy> Order);

public static class SearchChoices
{
    public static readonly IReadOnlyList<FacetDef> Facets =
    [
        new("stage", "Stage", "学段"),
        new("subject", "Subject", "学科"),
        new("grade", "Grade", "年级"),
        new("kind", "Kind", "类型"),
        new("topic", "Topics", "主题"),
        new("level", "RecommendationLevel", "推荐级别"),
    ];

    /// <summary>Downloads shows up once the index can sort by it.</summary>
    public static readonly IReadOnlyList<SortDef> Sorts = new List<SortDef?>
    {
        new("", "相关度", []),
        new("new", "最新", [new OrderBy("CreatedAt", true)]),
        new("score", "评分", [new OrderBy("QualityScore", true)]),
        Sortable("Downloads") ? new SortDef("downloads", "下载量", [new OrderBy("Downloads", true)]) : null,
    }.OfType<SortDef>().ToList();

    public static SortDef Sort(string? value, bool hasText) =>
        Sorts.FirstOrDefault(s => s.Value == value && s.Value.Length > 0)
        ?? (hasText ? Sorts[0] : Sorts.First(s => s.Value == "new")); // without words, relevance means nothing: newest first

    private static bool Sortable(string field) => SearchFields.All.Any(f => f.Name == field);
}
