using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Contests;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Contests;

/// <summary>Reading a contest: its entries for a caller, the standings (votes counted by one SQL aggregate), the audit history.</summary>
public sealed class ContestResults(ResourceHubDbContext db, ContestStore store, CurationStore curation)
{
    public async Task<Contest> ContestAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var contest = await store.ContestAsync(id, ct);
        db.Entry(contest).State = EntityState.Detached;
        return contest;
    }

    public const int MaxListed = 200;

    /// <summary>Every contest, newest first (the rules and phases are public to everyone signed in).</summary>
    public Task<List<Contest>> ListAsync(CancellationToken ct) =>
        db.Set<Contest>().AsNoTracking().OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id).Take(MaxListed).ToListAsync(ct);

    /// <summary>The entries the caller may see (<see cref="EntriesAsync"/>) with their resource's title and kind, for a gallery.</summary>
    public async Task<List<EntryCard>> GalleryAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var entries = await EntriesAsync(caller, id, ct);
        var ids = entries.Select(e => e.ResourceId).ToList();
        var resources = await db.Set<Resource>().AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.Title, r.Kind, r.Subject, r.Stage }).ToDictionaryAsync(r => r.Id, ct);
        return entries.Where(e => resources.ContainsKey(e.ResourceId)).Select(e =>
        {
            var r = resources[e.ResourceId];
            return new EntryCard(e, r.Title, r.Kind, r.Subject, r.Stage);
        }).ToList();
    }

    /// <summary>Organisers see every entry; entrants their own; everyone else the eligible entries from the voting phase on.</summary>
    public async Task<List<ContestEntry>> EntriesAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var contest = await store.ContestAsync(id, ct);
        var query = db.Set<ContestEntry>().AsNoTracking().Where(e => e.ContestId == id);
        if (!await OrganisesAsync(caller, contest, ct))
        {
            var open = ContestPhases.Ordered.ToList().IndexOf(contest.Phase) >= ContestPhases.Ordered.ToList().IndexOf(ContestPhases.Judging);
            var me = caller.UserId;
            query = open
                ? query.Where(e => e.EntrantId == me || e.Status == EntryStatus.Eligible)
                : query.Where(e => e.EntrantId == me);
        }
        return await query.OrderBy(e => e.EnteredAt).ThenBy(e => e.Id).ToListAsync(ct);
    }

    /// <summary>The results: for the organisers at any time, for everyone else once published (公示).</summary>
    public async Task<(Contest Contest, IReadOnlyList<ContestStanding> Standings)> ResultsAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var contest = await store.ContestAsync(id, ct);
        var organiser = await OrganisesAsync(caller, contest, ct);
        if (!organiser && !ContestPhases.ResultsPublic(contest.Phase))
            throw Domain.Curation.CurationError.Conflict("评选结果尚未公示 (results are not published yet)");
        var standings = await StandingsAsync(contest, ct);
        // Anomaly flags are for the organisers; the public sees the counts that decide the ranking.
        return (contest, organiser ? standings : standings.Select(s => s with { FlaggedVotes = 0 }).ToList());
    }

    public async Task<List<ContestEvent>> HistoryAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var contest = await store.ContestAsync(id, ct);
        if (!await OrganisesAsync(caller, contest, ct) && !ContestPhases.ResultsPublic(contest.Phase))
            throw Domain.Curation.CurationError.Forbidden("评选过程记录在结果公示后公开 (the history is public once results are published)");
        return await db.Set<ContestEvent>().AsNoTracking().Where(e => e.ContestId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
    }

    /// <summary>Flagged votes for the organisers, newest first (at most <paramref name="take"/>).</summary>
    public async Task<List<ContestVote>> FlaggedVotesAsync(Caller caller, Guid id, int take, CancellationToken ct)
    {
        var contest = await store.ContestAsync(id, ct);
        await store.OrganiserAsync(caller, contest, ct);
        return await db.Set<ContestVote>().AsNoTracking().Where(v => v.ContestId == id && v.Flags != "")
            .OrderByDescending(v => v.At).Take(take).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ContestStanding>> StandingsAsync(Contest contest, CancellationToken ct)
    {
        var id = contest.Id;
        var entries = await (
                from e in db.Set<ContestEntry>().AsNoTracking()
                join r in db.Set<Resource>() on e.ResourceId equals r.Id
                where e.ContestId == id
                select new { Entry = e, r.Title })
            .ToListAsync(ct);
        // The count shown is the count stored: one GROUP BY over the vote rows.
        var votes = await db.Set<ContestVote>().Where(v => v.ContestId == id).GroupBy(v => v.EntryId)
            .Select(g => new { EntryId = g.Key, Count = g.LongCount(), Flagged = g.LongCount(v => v.Flags != "") })
            .ToDictionaryAsync(x => x.EntryId, ct);
        var scores = (await db.Set<ContestScore>().AsNoTracking().Where(s => s.ContestId == id).ToListAsync(ct))
            .ToLookup(s => s.EntryId);
        return ContestScoring.Rank(contest, entries.Select(x => new ContestScoring.EntryFacts(x.Entry, x.Title, scores[x.Entry.Id].ToList(),
            votes.TryGetValue(x.Entry.Id, out var v) ? v.Count : 0, v?.Flagged ?? 0)));
    }

    /// <summary>Whether the caller organises this contest (pages show the organiser's controls; every use case checks again).</summary>
    public async Task<bool> OrganisesAsync(Caller caller, Contest contest, CancellationToken ct)
    {
        if (!caller.IsAdmin)
            return false;
        var actor = await curation.ActorAsync(caller, ct);
        return actor.AdminTier is not null && (await curation.RegionOfAsync(contest.RegionOrg, ct)).Contains(actor.Org!.Code);
    }
}

/// <summary>An entry with what a gallery shows of its resource.</summary>
public sealed record EntryCard(ContestEntry Entry, string Title, string Kind, string Subject, string Stage);
