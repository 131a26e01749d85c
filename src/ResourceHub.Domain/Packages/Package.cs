namespace ResourceHub.Domain.Packages;

/// <summary>
/// A 资源包: resources gathered in ordered sections (单元/课时), downloaded as one ZIP, curated like a resource
/// (submitted, reviewed, published, recommended level by level).
/// </summary>
public class Package : Curation.ICurated
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    /// <summary>Markdown.</summary>
    public string? Description { get; set; }
    public string Subject { get; set; } = "";
    public string Stage { get; set; } = "";
    public string? Topic { get; set; }
    public string OwnerOrg { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string Status { get; set; } = Resources.ResourceStatus.Draft;
    /// <summary>A <see cref="PackageKinds"/> code: an ordinary package or a 课例 (which must hold a lesson design and a reflection).</summary>
    public string Kind { get; set; } = PackageKinds.General;
    /// <summary>The highest level granted, as for resources; null until recommended.</summary>
    public string? RecommendationLevel { get; set; }
    /// <summary>0–100 from the expert mean and the level (packages are not rated); null until reviewed.</summary>
    public double? QualityScore { get; set; }
    public long Version { get; set; }
    public List<PackageSection> Sections { get; set; } = [];

    /// <summary>A copy that does not say who made it (blind review): every other field as it is, added ones too.</summary>
    public Package WithoutMaker()
    {
        var copy = (Package)MemberwiseClone();
        copy.OwnerOrg = "";
        copy.CreatedBy = "";
        return copy;
    }
}

/// <summary>An ordered section of a package (e.g. 第一单元) with its ordered resources.</summary>
public class PackageSection
{
    public Guid Id { get; set; }
    public Guid PackageId { get; set; }
    public int Position { get; set; }
    public string Title { get; set; } = "";
    public List<PackageItem> Items { get; set; } = [];
}

public class PackageItem
{
    public Guid Id { get; set; }
    public Guid SectionId { get; set; }
    public int Position { get; set; }
    public Guid ResourceId { get; set; }
}
