namespace ResourceHub.Domain.Organizations;

/// <summary>A vendor, school or regional body; Code is what tokens carry and resources reference.</summary>
public class Organization
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    /// <summary>vendor, school or region.</summary>
    public string Kind { get; set; } = "school";
    /// <summary>province, city, county or school.</summary>
    public string Tier { get; set; } = "school";
    /// <summary>The region above this one (e.g. a school's county), for tiered recommendation.</summary>
    public string? ParentCode { get; set; }
}
