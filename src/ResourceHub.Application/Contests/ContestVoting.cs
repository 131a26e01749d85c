using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Contests;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Users;

namespace ResourceHub.Application.Contests;

/// <summary>
/// A public vote: only in the voting phase, only from the contest's region (and a training project's contest: only from
/// its participants), never for one's own or one's
/// organisation's entry, at most VotesPerDay per voter, entry and day. The allowance is held by the database's
/// unique (entry, voter, day, slot) index; suspicious votes are flagged for the organisers and still count.
/// </summary>
public sealed class ContestVoting(CurationStore curation, ResourceHubDbContext db)
{
    public async Task<ContestVote> VoteAsync(Caller caller, Guid id, Guid entryId, CancellationToken ct)
    {
        var contest = await db.Set<Contest>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct)
                      ?? throw AppError.NotFound($"评选活动 {id} 不存在 (no contest with this id)");
        var entry = await db.Set<ContestEntry>().AsNoTracking().FirstOrDefaultAsync(e => e.Id == entryId && e.ContestId == id, ct)
                    ?? throw AppError.NotFound($"参评作品 {entryId} 不在本活动中 (no such entry in this contest)");
        var inProject = contest.TrainingProject is { } project && await TakesPartAsync(caller, project, ct);
        ContestPolicy.AuthorizeVote(caller, contest, await curation.RegionOfAsync(caller.OrgCode, ct), entry, inProject);
        ContestPolicy.RequirePhase(contest, ContestPhases.Judging, "投票");
        if (entry.Status != EntryStatus.Eligible)
            throw CurationError.Conflict("该作品不在投票范围内 (this entry is not open for votes)");
        // Each lost race means another vote filled a slot, so after VotesPerDay losses the allowance is used up.
        for (var attempt = 0; ; attempt++)
        {
            var now = DateTime.UtcNow;
            var day = VoteDay.Of(now);
            var used = await db.Set<ContestVote>().CountAsync(v => v.EntryId == entryId && v.VoterId == caller.UserId && v.Day == day, ct);
            if (used >= contest.VotesPerDay)
                throw AllowanceUsed(contest);
            var vote = new ContestVote
            {
                Id = Guid.NewGuid(), ContestId = id, EntryId = entryId, VoterId = caller.UserId, VoterOrg = caller.OrgCode,
                Day = day, Slot = used, At = now, Flags = await FlagsAsync(contest, entryId, caller, now, ct),
            };
            db.Add(vote);
            try
            {
                await db.SaveChangesAsync(ct);
                return vote;
            }
            catch (DbUpdateException)
            {
                // A concurrent vote of the same voter took this slot first: it counted; look again for a free slot.
                db.ChangeTracker.Clear();
                if (attempt >= contest.VotesPerDay)
                    throw AllowanceUsed(contest);
            }
        }
    }

    /// <summary>
    /// Who takes part in a training project, as the records show it (there is no separate enrolment list): a user who
    /// contributed a resource of the project, or a vendor whose organisation owns one.
    /// </summary>
    private Task<bool> TakesPartAsync(Caller caller, string project, CancellationToken ct)
    {
        var (me, org, vendor) = (caller.UserId, caller.OrgCode, caller.Is(Roles.Vendor));
        return db.Resources.AnyAsync(r => r.TrainingProject == project && (r.CreatedBy == me || (vendor && r.OwnerOrg == org)), ct);
    }

    private async Task<string> FlagsAsync(Contest contest, Guid entryId, Caller caller, DateTime now, CancellationToken ct)
    {
        var votes = db.Set<ContestVote>().Where(v => v.ContestId == contest.Id);
        var me = caller.UserId;
        var previous = await votes.Where(v => v.VoterId == me).OrderByDescending(v => v.At).Select(v => (DateTime?)v.At).FirstOrDefaultAsync(ct);
        var created = await db.Set<LocalAccount>().Where(a => a.UserId == me).Select(a => (DateTime?)a.CreatedAt).FirstOrDefaultAsync(ct);
        var since = now - VoteFlags.BurstWindow;
        var org = caller.OrgCode;
        var orgVotes = await votes.CountAsync(v => v.EntryId == entryId && v.VoterOrg == org && v.At >= since, ct);
        return VoteFlags.Of(now, previous, created, contest.JudgeFrom, orgVotes);
    }

    private static CurationError AllowanceUsed(Contest contest) =>
        CurationError.Conflict($"今天已为该作品投过票（每人每天每件作品 {contest.VotesPerDay} 票）(you have used today's votes for this entry)");
}
