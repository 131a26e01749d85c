namespace ResourceHub.Data.Keys;

/// <summary>
/// A secret every replica must share (e.g. the local token signing key), created once by whichever
/// process asks first.
/// </summary>
public class SharedSecret
{
    public string Name { get; set; } = "";
    public string Value { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

/// <summary>One ASP.NET Core data-protection key (its XML), shared by every replica.</summary>
public class DataProtectionKeyRow
{
    public long Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}
