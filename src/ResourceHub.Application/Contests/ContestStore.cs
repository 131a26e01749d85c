using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Contests;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Application.Contests;

/// <summary>Loads contests and entries for the contest use cases and records their audit history.</summary>
public sealed class ContestStore(ResourceHubDbContext db, CurationStore curation)
{
    public IQueryable<Contest> Contests => db.Set<Contest>();
    public IQueryable<ContestEntry> Entries => db.Set<ContestEntry>();

    public async Task<Contest> ContestAsync(Guid id, CancellationToken ct) =>
        await db.Set<Contest>().FirstOrDefaultAsync(c => c.Id == id, ct)
        ?? throw AppError.NotFound($"评选活动 {id} 不存在 (no contest with this id)");

    public async Task<ContestEntry> EntryAsync(Contest contest, Guid entryId, CancellationToken ct) =>
        await db.Set<ContestEntry>().FirstOrDefaultAsync(e => e.Id == entryId && e.ContestId == contest.Id, ct)
        ?? throw AppError.NotFound($"参评作品 {entryId} 不在本活动中 (no such entry in this contest)");

    /// <summary>The actor, after checking they organise this contest.</summary>
    public async Task<Actor> OrganiserAsync(Caller caller, Contest contest, CancellationToken ct)
    {
        var actor = await curation.ActorAsync(caller, ct);
        ContestPolicy.AuthorizeOrganise(actor, await curation.RegionOfAsync(contest.RegionOrg, ct));
        return actor;
    }

    public void Record(Contest contest, Actor actor, string action, Guid? entryId, string? reason, DateTime now) =>
        db.Add(new ContestEvent
        {
            Id = Guid.NewGuid(), ContestId = contest.Id, EntryId = entryId, Action = action, ActorId = actor.Caller.UserId,
            ActorOrg = actor.Caller.OrgCode, Reason = reason, At = now,
        });

    /// <summary>Saves; a stale version is a 412, a unique index tripped by a double submit a 409.</summary>
    public Task SaveAsync(CancellationToken ct) => curation.SaveOrConflictAsync(ct);
}
