using ResourceHub.Application.Duplicates;
using ResourceHub.Application.Resources;

namespace ResourceHub.Web.Pages.Shared;

/// <summary>
/// What the 可能重复 panel shows: the open matches (not yet merged) as the caller may see them, their organisations'
/// names, and whether they may merge.
/// </summary>
public sealed record DuplicatePanel(IReadOnlyList<DuplicateMatch> Matches, IReadOnlyDictionary<string, string> OrgNames, bool CanMerge)
{
    public static readonly DuplicatePanel None = new([], new Dictionary<string, string>(), CanMerge: false);

    public static async Task<DuplicatePanel> LoadAsync(IEnumerable<DuplicateMatch> found, ResourceFacts facts, bool canMerge, CancellationToken ct)
    {
        var matches = found.Where(m => m.ResolvedAt is null).ToList();
        var names = new Dictionary<string, string>();
        foreach (var org in matches.Select(m => m.OtherOrg).OfType<string>().Distinct())
            names[org] = await facts.OrganizationNameAsync(org, ct) ?? org;
        return new DuplicatePanel(matches, names, canMerge);
    }

    public string OrgName(string code) => OrgNames.GetValueOrDefault(code, code);
}
