using ResourceHub.Domain.Taxonomy;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Documents;

/// <summary>
/// One query-model field as the index stores it. Column is the same name in the FTS companion
/// table and the Elasticsearch mapping, so both renderers read one list. Refreshed fields (downloads, rating) are
/// copied in by the periodic stats refresh: good for sorting and filtering, but $apply totals over them are left to the
/// database, which has them exactly.
/// </summary>
public sealed record SearchField(string Name, FieldType Type, string Column, bool Facet = false, TaxonomyList? Names = null, bool Nullable = false,
    bool Refreshed = false)
{
    public bool IsCollection => Type == FieldType.StringCollection;
}

/// <summary>The fields search queries may filter, sort and facet on (names as in the OData model).</summary>
public static class SearchFields
{
    private static readonly TaxonomyCatalog T = TaxonomyCatalog.Default;

    public static readonly SearchField Id = new("Id", FieldType.Guid, "id");
    public static readonly SearchField Title = new("Title", FieldType.String, "title");

    public static readonly IReadOnlyList<SearchField> All =
    [
        Id,
        Title,
        new("Kind", FieldType.String, "kind", Facet: true, Names: T.Kinds),
        new("Subject", FieldType.String, "subject", Facet: true, Names: T.Subjects),
        new("Stage", FieldType.String, "stage", Facet: true, Names: T.Stages),
        new("Grade", FieldType.String, "grade", Facet: true, Nullable: true),
        new("Topics", FieldType.StringCollection, "topics", Facet: true, Names: T.Topics),
        new("Tags", FieldType.StringCollection, "tags", Facet: true),
        new("Status", FieldType.String, "status", Facet: true, Names: T.Statuses),
        new("RecommendationLevel", FieldType.String, "recommendation_level", Facet: true, Names: T.Levels, Nullable: true),
        new("QualityScore", FieldType.Double, "quality_score", Nullable: true),
        new("Downloads", FieldType.Int64, "downloads", Refreshed: true),
        new("Rating", FieldType.Double, "rating", Nullable: true, Refreshed: true),
        new("OwnerOrg", FieldType.String, "owner_org", Facet: true),
        new("CreatedBy", FieldType.String, "created_by"),
        new("CreatedAt", FieldType.DateTimeOffset, "created_at"),
        new("UpdatedAt", FieldType.DateTimeOffset, "updated_at"),
    ];

    private static readonly Dictionary<string, SearchField> ByName = All.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);

    public static SearchField Get(string name) =>
        ByName.TryGetValue(name, out var f)
            ? f
            : throw new SearchQueryException($"字段 {name} 不能用于搜索查询 (field '{name}' is not available in search; use one of {string.Join(", ", All.Select(x => x.Name))})");

    public static SearchField Facet(string name)
    {
        var f = Get(name);
        return f.Facet ? f : throw new SearchQueryException($"字段 {name} 不能分面统计 (field '{name}' has no facet)");
    }
}
