using ResourceHub.Domain.Access;
using ResourceHub.Domain.Organizations;

namespace ResourceHub.Domain.Curation;

/// <summary>The caller together with their organisation row (for tier and region), as curation rules need it.</summary>
public sealed record Actor(Caller Caller, Organization? Org)
{
    /// <summary>The tier an administrator acts for; null for non-admins and for admins of vendors or unknown orgs.</summary>
    public string? AdminTier => Caller.IsAdmin && Org is { Kind: not "vendor" } ? Org.Tier : null;
}

/// <summary>A resource or package with the codes of its owner organisation and every region above it.</summary>
public sealed record CurationTarget(ICurated Curated, IReadOnlyList<string> Region)
{
    public bool IsWithin(string orgCode) => Region.Contains(orgCode);
}
