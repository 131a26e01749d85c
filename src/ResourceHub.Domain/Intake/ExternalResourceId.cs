namespace ResourceHub.Domain.Intake;

/// <summary>
/// A vendor's own id for a resource, unique per owner organisation: re-importing a row with the same id
/// updates that resource instead of creating another.
/// </summary>
public class ExternalResourceId
{
    public string OwnerOrg { get; set; } = "";
    public string ExternalId { get; set; } = "";
    public Guid ResourceId { get; set; }

    public const int MaxLength = 100;
}
