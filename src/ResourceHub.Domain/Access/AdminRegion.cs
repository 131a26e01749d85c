namespace ResourceHub.Domain.Access;

/// <summary>
/// The organisations whose items, rubrics, quotas and records an administrator manages: its own
/// organisation and every one below it in the ParentCode chain. A platform administrator's region is
/// everything; everyone else's (and an unresolved caller's) is empty.
/// </summary>
public sealed record AdminRegion(bool Everywhere, IReadOnlyList<string> Orgs)
{
    public static readonly AdminRegion None = new(false, []);
    public static readonly AdminRegion Platform = new(true, []);

    public bool Contains(string? orgCode) => Everywhere || (orgCode is not null && Orgs.Contains(orgCode));
}
