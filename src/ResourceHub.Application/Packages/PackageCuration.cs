using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Packages;

namespace ResourceHub.Application.Packages;

/// <summary>
/// Curation of 资源包: the same steps as a resource's (<see cref="CurationStep"/>: Submit, Review, Nominate, Recommend,
/// Retire), the same rules (<see cref="CurationWorkflow"/>, <see cref="CurationPolicy"/>) and the same History. Only
/// loading differs: the package the caller may see, checked against the version they acted on.
/// </summary>
public sealed class PackageCuration(ResourceHubDbContext db, PackageAuthoring packages, CurationRunner runner, CurationStore store, ReviewerView view)
{
    public Task<Package> SubmitAsync(Caller caller, Guid id, long? expectedVersion, CancellationToken ct) =>
        ActAsync(caller, id, expectedVersion, s => s.SubmitAsync(), ct);

    public Task<Package> ReviewAsync(Caller caller, Guid id, ReviewInput input, long? expectedVersion, CancellationToken ct)
    {
        input.Validate();
        return ActAsync(caller, id, expectedVersion, s => s.ReviewAsync(input.Scores, input.Verdict!, input.Comment), ct);
    }

    public Task<Package> NominateAsync(Caller caller, Guid id, string? level, string? reason, long? expectedVersion, CancellationToken ct)
    {
        Recommendations.RequireLevel(level);
        return ActAsync(caller, id, expectedVersion, s => s.NominateAsync(level!, reason ?? ""), ct);
    }

    public Task<Package> RecommendAsync(Caller caller, Guid id, string? level, string? reason, long? expectedVersion, CancellationToken ct)
    {
        Recommendations.RequireLevel(level);
        return ActAsync(caller, id, expectedVersion, s => s.RecommendAsync(level!, reason), ct);
    }

    public Task<Package> RetireAsync(Caller caller, Guid id, string? reason, long? expectedVersion, CancellationToken ct) =>
        ActAsync(caller, id, expectedVersion, s => s.RetireAsync(reason ?? ""), ct);

    /// <summary>规范性检查 of a package the caller may see (shown before submitting and to reviewers).</summary>
    public async Task<IReadOnlyList<Domain.Resources.Checks.CheckResult>> ChecksAsync(Caller caller, Guid id, CancellationToken ct) =>
        await store.PackageChecksAsync(await packages.FindReadableAsync(caller, id, ct), ct);

    /// <summary>What a package page shows of its curation: History as the caller may read it, and its nominations.</summary>
    public async Task<(List<CurationEvent> History, List<Nomination> Nominations)> RecordAsync(Caller caller, Guid id,
        CancellationToken ct)
    {
        var package = await packages.FindReadableAsync(caller, id, ct);
        var events = await db.Set<CurationEvent>().AsNoTracking().Where(e => e.ResourceId == package.Id).OrderBy(e => e.Id).ToListAsync(ct);
        var nominations = await db.Set<Nomination>().AsNoTracking().Where(n => n.ResourceId == package.Id).OrderBy(n => n.At).ToListAsync(ct);
        return (await view.HistoryAsync(caller, events, ct), nominations);
    }

    private async Task<Package> ActAsync(Caller caller, Guid id, long? expectedVersion, Func<CurationStep, Task> run, CancellationToken ct)
    {
        var package = await packages.FindReadableAsync(caller, id, ct);
        PackageAuthoring.CheckVersion(package, expectedVersion);
        await runner.ActOnAsync(caller, package, run, ct);
        return package;
    }
}
