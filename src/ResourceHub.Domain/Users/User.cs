namespace ResourceHub.Domain.Users;

/// <summary>A person known from a token; created on first request, refreshed on later ones.</summary>
public class User
{
    public string Id { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Role { get; set; } = "";
    public string OrgCode { get; set; } = "";
    public List<string> Subjects { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
}
