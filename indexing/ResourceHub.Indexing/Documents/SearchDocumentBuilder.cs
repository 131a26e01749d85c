using Markdig;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Indexing.Documents;

/// <summary>Turns a resource into its search document, or says it belongs in no index.</summary>
public sealed class SearchDocumentBuilder(TaxonomyCatalog taxonomy)
{
    /// <summary>Retired items leave search: they are kept for the record, not for discovery.</summary>
    public static bool IsSearchable(Resource r) => r.Status != ResourceStatus.Retired;

    /// <summary>The document of <paramref name="r"/>; its downloads and rating come from <see cref="Resource.Stats"/> (load it).</summary>
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
        Downloads = r.Stats?.Downloads ?? 0,
        Rating = r.Stats?.RatingMean,
        RatingCount = r.Stats?.RatingCount ?? 0,
        OwnerOrg = r.OwnerOrg,
        CreatedBy = r.CreatedBy,
        CreatedAt = DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc),
        UpdatedAt = DateTime.SpecifyKind(r.UpdatedAt, DateTimeKind.Utc),
        Version = r.Version,
        Details = new SearchDocumentDetails
        {
            Markdown = r.Description,
            TrainingProject = r.TrainingProject,
            Workshop = r.Workshop,
            File = r.File is { } f ? new SearchDocumentFile(f.FileName, f.ContentType, f.Size, f.Sha256) : null,
        },
    };

    /// <summary>
    /// The resource as a search result shows it, rebuilt from the stored document (the inverse of <see cref="Build"/>
    /// for the fields the API returns), or null for a document without details. Display only: the file's blob key
    /// and upload time are not kept, and <paramref name="durationSeconds"/> and <paramref name="stats"/> come from the
    /// database because media jobs and downloads change them without a new Version.
    /// </summary>
    public static Resource? ForDisplay(SearchDocument d, double? durationSeconds, ResourceStats? stats = null)
    {
        if (d.Details is not { } x)
            return null;
        return new Resource
        {
            Id = d.Id,
            Kind = d.Kind,
            Title = d.Title,
            Description = x.Markdown,
            Subject = d.Subject,
            Stage = d.Stage,
            Grade = d.Grade,
            Topics = d.Topics.ToList(),
            Tags = d.Tags.ToList(),
            OwnerOrg = d.OwnerOrg,
            CreatedBy = d.CreatedBy,
            CreatedAt = d.CreatedAt,
            UpdatedAt = d.UpdatedAt,
            Status = d.Status,
            TrainingProject = x.TrainingProject,
            Workshop = x.Workshop,
            RecommendationLevel = d.RecommendationLevel,
            QualityScore = d.QualityScore,
            Version = d.Version,
            DurationSeconds = durationSeconds,
            Stats = stats,
            File = x.File is { } f ? new ResourceFile { FileName = f.FileName, ContentType = f.ContentType, Size = f.Size, Sha256 = f.Sha256 } : null,
        };
    }

    public static string PlainText(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Markdown.ToPlainText(markdown).Trim();

    private List<string> CodeNames(Resource r)
    {
        var names = new List<string?>
        {
            taxonomy.Kinds.NameOf(r.Kind), taxonomy.Subjects.NameOf(r.Subject), taxonomy.Stages.NameOf(r.Stage),
        };
        names.AddRange(r.Topics.Select(taxonomy.Topics.NameOf));
        // 八年级 and 初二 for g8: grade words in a query then find the grade (see Understanding/Data/concepts.json).
        names.AddRange(Understanding.Lexicon.Default.GradeNames(r.Grade));
        return names.OfType<string>().Distinct().ToList();
    }
}
