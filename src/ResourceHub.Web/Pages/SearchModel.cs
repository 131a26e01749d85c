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

    /// <summary>下载量 and 评分 are the index's Downloads and Rating (teachers' mean stars, unrated last); the index
    /// refreshes them every StatsRefreshSeconds. 综合质量 is the QualityScore (experts, level and ratings together).</summary>
    public static readonly IReadOnlyList<SortDef> Sorts =
    [
        new("", "相关度", []),
        new("new", "最新", [new OrderBy("CreatedAt", true)]),
        new("downloads", "下载量", [new OrderBy("Downloads", true)]),
        new("rating", "评分", [new OrderBy("Rating", true)]),
        new("score", "综合质量", [new OrderBy("QualityScore", true)]),
    ];

    public static SortDef Sort(string? value, bool hasText) =>
        Sorts.FirstOrDefault(s => s.Value == value && s.Value.Length > 0)
        ?? (hasText ? Sorts[0] : Sorts.First(s => s.Value == "new")); // without words, relevance means nothing: newest first
}
