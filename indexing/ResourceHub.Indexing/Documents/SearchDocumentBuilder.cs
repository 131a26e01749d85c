using Markdig;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Indexing.Documents;

/// <summary>Turns a resource into its search document, or says it belongs in no index.</summary>
public sealed class SearchDocumentBuilder(TaxonomyCatalog taxonomy)
{
    /// <summary>Retired items leave search: they are kept for the record, not for discovery.</summary>
    public static bool IsSearchable(Resource r) => r.Status != ResourceStatus.Retired;

    public SearchDocument Build(Resource r) => new()
    {
        Id = r.Id,
        Title = r.Title,
        Description = PlainText(r.Description),
        Kind = r.Kind,
        Subject = r.Subject,
        Stage = r.Stage,
        Grade = r.Grade,
        Topics = r.Topics.ToList(),
        Tags = r.Tags.ToList(),
        CodeNames = CodeNames(r),
        Status = r.Status,
        RecommendationLevel = r.RecommendationLevel,
        QualityScore = r.QualityScore,
        OwnerOrg = r.OwnerOrg,
        CreatedBy = r.CreatedBy,
        CreatedAt = DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc),
        UpdatedAt = DateTime.SpecifyKind(r.UpdatedAt, DateTimeKind.Utc),
    };

    public static string PlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown).Trim();

    private List<string> CodeNames(Resource r)
    {
        var names = new List<string?>
        {
            taxonomy.Kinds.NameOf(r.Kind), taxonomy.Subjects.NameOf(r.Subject), taxonomy.Stages.NameOf(r.Stage),
        };
        names.AddRange(r.Topics.Select(taxonomy.Topics.NameOf));
        return names.OfType<string>().Distinct().ToList();
    }
}
