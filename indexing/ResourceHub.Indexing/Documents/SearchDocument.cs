namespace ResourceHub.Indexing.Documents;

/// <summary>
/// What the index holds for one resource: its text as plain text, its codes with their Chinese
/// names (so "数学" finds math items), curation signals for ranking, and the fields
/// <see cref="ResourceHub.Domain.Access.VisibilityScope"/> needs so authorization runs in the index.
/// The document id is the resource id, so replaying a change is idempotent.
/// </summary>
public sealed record SearchDocument
{
    public Guid Id { get; init; }
    public string Title { get; init; } = "";
    /// <summary>The Markdown description reduced to plain text.</summary>
    public string Description { get; init; } = "";
    /// <summary>Text inside the file (resource_texts), searched with the lowest weight; not part of the stored copy.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Content { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Stage { get; init; } = "";
    public string? Grade { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    /// <summary>Chinese display names of Kind, Subject, Stage and Topics, for full-text matching.</summary>
    public IReadOnlyList<string> CodeNames { get; init; } = [];
    public string Status { get; init; } = "";
    /// <summary>Curation: recommendation level code (school … national), null when not curated.</summary>
    public string? RecommendationLevel { get; init; }
    /// <summary>Curation: QualityScore 0–100 (rubric, rating, level), null before review.</summary>
    public double? QualityScore { get; init; }
    /// <summary>Popularity from resource_stats (completed downloads), kept fresh by the stats refresh, not the outbox.</summary>
    public long Downloads { get; init; }
    /// <summary>The teachers' mean stars (1–5), null before the first rating; from resource_stats like <see cref="Downloads"/>.</summary>
    public double? Rating { get; init; }
    public int RatingCount { get; init; }
    public string OwnerOrg { get; init; } = "";
    public string CreatedBy { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    /// <summary>The resource's Version when this document was built: a search page trusts the stored copy only
    /// while the database still holds that version.</summary>
    public long Version { get; init; }
    /// <summary>Stored, not searched: the rest of what a result row shows. Null in documents indexed before it existed.</summary>
    public SearchDocumentDetails? Details { get; init; }
}

/// <summary>The resource fields a search result shows that the index does not search on.</summary>
public sealed record SearchDocumentDetails
{
    /// <summary>The description as written (Markdown); <see cref="SearchDocument.Description"/> is its plain text.</summary>
    public string? Markdown { get; init; }
    public string? TrainingProject { get; init; }
    public string? Workshop { get; init; }
    public SearchDocumentFile? File { get; init; }
}

/// <summary>What a result row shows of the resource's file (not where it is stored).</summary>
public sealed record SearchDocumentFile(string FileName, string ContentType, long Size, string Sha256);
