using System.Text.Json;

namespace ResourceHub.Domain.Taxonomy;

/// <summary>
/// The taxonomy the service owns, seeded from the training documents' lists
/// (shared/domain/taxonomy.json, embedded so the service needs no file at run time).
/// </summary>
public sealed class TaxonomyCatalog
{
    private TaxonomyCatalog(JsonElement root)
    {
        Stages = Read(root, "stages", "Stage");
        Subjects = Read(root, "subjects", "Subject");
        Kinds = Read(root, "resourceKinds", "Kind");
        Topics = Read(root, "topics", "Topic");
        Levels = Read(root, "recommendationLevels", "Level");
        Roles = Read(root, "roles", "Role");
        Tiers = Read(root, "adminTiers", "Tier");
        CourseKinds = Read(root, "courseKinds", "CourseKind");
        OrganizationKinds = Read(root, "organizationKinds", "OrganizationKind");
        Statuses = Read(root, "statuses", "Status");
    }

    public static TaxonomyCatalog Default { get; } = LoadEmbedded();

    public TaxonomyList Stages { get; }
    public TaxonomyList Subjects { get; }
    public TaxonomyList Kinds { get; }
    public TaxonomyList Topics { get; }
    public TaxonomyList Levels { get; }
    public TaxonomyList Roles { get; }
    public TaxonomyList Tiers { get; }
    public TaxonomyList CourseKinds { get; }
    public TaxonomyList OrganizationKinds { get; }
    public TaxonomyList Statuses { get; }

    private static TaxonomyCatalog LoadEmbedded()
    {
        using var stream = typeof(TaxonomyCatalog).Assembly.GetManifestResourceStream("ResourceHub.Domain.taxonomy.json")
            ?? throw new InvalidOperationException("taxonomy.json is not embedded in ResourceHub.Domain");
        using var doc = JsonDocument.Parse(stream);
        return new TaxonomyCatalog(doc.RootElement.Clone());
    }

    private static TaxonomyList Read(JsonElement root, string property, string label) =>
        new(label, root.GetProperty(property).EnumerateArray()
            .Select(e => new TaxonomyTerm(e.GetProperty("code").GetString()!, e.GetProperty("name").GetString()!)));
}
