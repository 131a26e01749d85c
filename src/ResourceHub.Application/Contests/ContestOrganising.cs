using Microsoft.EntityFrameworkCore;
using ResourceHub.Application.Curation;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Contests;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Application.Contests;

/// <summary>The organiser's use cases: create, advance the phase, 初审, disqualify, award, nominate the winners.</summary>
public sealed class ContestOrganising(ContestStore store, CurationStore curation, CurationRunner runner, ContestResults results,
    ResourceHubDbContext db)
{
    /// <summary>Lets an adapter refuse a caller who may not create contests before it reads their input.</summary>
    public async Task<Actor> AuthorizeCreateAsync(Caller caller, CancellationToken ct)
    {
        var actor = await curation.ActorAsync(caller, ct);
        ContestPolicy.AuthorizeCreate(actor);
        return actor;
    }

    public async Task<Contest> CreateAsync(Caller caller, ContestDraft d, CancellationToken ct)
    {
        var actor = await AuthorizeCreateAsync(caller, ct);
        var now = DateTime.UtcNow;
        var contest = new Contest
        {
            Id = Guid.NewGuid(), Title = d.Title?.Trim() ?? "", Rules = d.Rules ?? "", Kinds = [.. d.Kinds ?? []],
            Subjects = [.. d.Subjects ?? []], Stages = [.. d.Stages ?? []], RegionOrg = actor.Org!.Code,
            TrainingProject = string.IsNullOrWhiteSpace(d.TrainingProject) ? null : d.TrainingProject.Trim(),
            RubricId = d.RubricId ?? Guid.Empty,
            CollectFrom = Utc(d.CollectFrom), ScreenFrom = Utc(d.ScreenFrom), JudgeFrom = Utc(d.JudgeFrom),
            PublicityFrom = Utc(d.PublicityFrom), ResultsFrom = Utc(d.ResultsFrom),
            ExpertWeight = d.ExpertWeight ?? 70, FirstPrizes = d.FirstPrizes ?? 0, SecondPrizes = d.SecondPrizes ?? 0,
            ThirdPrizes = d.ThirdPrizes ?? 0, ExcellencePrizes = d.ExcellencePrizes ?? 0, VotesPerDay = d.VotesPerDay ?? 1,
            CreatedBy = caller.UserId, CreatedAt = now, UpdatedAt = now,
        };
        var problems = contest.Problems();
        var taxonomy = TaxonomyCatalog.Default;
        problems.AddRange(Unknown(contest.Kinds, taxonomy.Kinds, "Kinds"));
        problems.AddRange(Unknown(contest.Subjects, taxonomy.Subjects, "Subjects"));
        problems.AddRange(Unknown(contest.Stages, taxonomy.Stages, "Stages"));
        if (d.RubricId is null)
            problems.Add(("须指定专家评审量规 (RubricId is required)", "RubricId"));
        else if (!await db.Set<Rubric>().AnyAsync(r => r.Id == d.RubricId, ct))
            problems.Add(($"量规 {d.RubricId} 不存在 (no rubric with this id)", "RubricId"));
        if (problems.Count > 0)
            throw AppError.Invalid(problems.Select(p => new AppErrorDetail("InvalidValue", p.Message, p.Target)).ToList());
        db.Add(contest);
        store.Record(contest, actor, ContestActions.Create, null, null, now);
        await store.SaveAsync(ct);
        return contest;
    }

    /// <summary>Moves to the next phase. Leaving 初审 needs every entry decided, so no entry is judged or voted on unscreened.</summary>
    public async Task<Contest> AdvanceAsync(Caller caller, Guid id, string? reason, CancellationToken ct)
    {
        var contest = await store.ContestAsync(id, ct);
        var actor = await store.OrganiserAsync(caller, contest, ct);
        var next = ContestPhases.Next(contest.Phase)
                   ?? throw CurationError.Conflict("评选活动已结束 (the contest is already closed)");
        if (contest.Phase == ContestPhases.Screening)
        {
            var open = await store.Entries.CountAsync(e => e.ContestId == id && e.Status == EntryStatus.Entered, ct);
            if (open > 0)
                throw CurationError.Conflict($"还有 {open} 件作品未完成资格初审 ({open} entries are not screened yet)");
        }
        var now = DateTime.UtcNow;
        store.Record(contest, actor, ContestActions.Advance, null,
            $"{ContestPhases.NameOf(contest.Phase)} → {ContestPhases.NameOf(next)}{(string.IsNullOrWhiteSpace(reason) ? "" : "：" + reason.Trim())}", now);
        contest.Phase = next;
        contest.UpdatedAt = now;
        await store.SaveAsync(ct);
        return contest;
    }

    /// <summary>初审: eligible, or not with a reason.</summary>
    public async Task<ContestEntry> ScreenAsync(Caller caller, Guid id, Guid entryId, bool eligible, string? reason, CancellationToken ct)
    {
        var contest = await store.ContestAsync(id, ct);
        var actor = await store.OrganiserAsync(caller, contest, ct);
        ContestPolicy.RequirePhase(contest, ContestPhases.Screening, "资格初审");
        var entry = await store.EntryAsync(contest, entryId, ct);
        var why = eligible ? reason?.Trim() : ContestPolicy.RequireReason(reason);
        entry.Status = eligible ? EntryStatus.Eligible : EntryStatus.Ineligible;
        entry.StatusReason = eligible ? null : why;
        store.Record(contest, actor, eligible ? ContestActions.Eligible : ContestActions.Ineligible, entry.Id, why, DateTime.UtcNow);
        await store.SaveAsync(ct);
        return entry;
    }

    /// <summary>A manual change after 初审: the entry leaves the ranking (and loses any award); the reason is in the history.</summary>
    public async Task<ContestEntry> DisqualifyAsync(Caller caller, Guid id, Guid entryId, string? reason, CancellationToken ct)
    {
        var contest = await store.ContestAsync(id, ct);
        var actor = await store.OrganiserAsync(caller, contest, ct);
        var why = ContestPolicy.RequireReason(reason);
        if (contest.Phase == ContestPhases.Closed)
            throw CurationError.Conflict("结果已发布，不能再取消资格 (results are final)");
        var entry = await store.EntryAsync(contest, entryId, ct);
        if (entry.Status == EntryStatus.Disqualified)
            throw CurationError.Conflict("该作品已被取消资格 (already disqualified)");
        entry.Status = EntryStatus.Disqualified;
        entry.StatusReason = why;
        entry.Award = null;
        store.Record(contest, actor, ContestActions.Disqualify, entry.Id, why, DateTime.UtcNow);
        await store.SaveAsync(ct);
        return entry;
    }

    /// <summary>
    /// In 公示: without an entry, awards every level by rank (the counts set in the contest); with one, sets that
    /// entry's award by hand (null level to remove it), which needs a reason. Every award is in the history.
    /// </summary>
    public async Task<IReadOnlyList<ContestStanding>> AwardAsync(Caller caller, Guid id, Guid? entryId, string? level, string? reason,
        CancellationToken ct)
    {
        var contest = await store.ContestAsync(id, ct);
        var actor = await store.OrganiserAsync(caller, contest, ct);
        ContestPolicy.RequirePhase(contest, ContestPhases.Publicity, "评定奖项");
        var now = DateTime.UtcNow;
        if (entryId is { } one)
        {
            if (level is not null && !ContestAwards.IsKnown(level))
                throw CurationError.Invalid($"奖项“{level}”无效，可选 first、second、third、excellence (unknown award level)", "level");
            var why = ContestPolicy.RequireReason(reason);
            var entry = await store.EntryAsync(contest, one, ct);
            if (level is not null && entry.Status != EntryStatus.Eligible)
                throw CurationError.Conflict("只有通过初审且未被取消资格的作品可以获奖 (only eligible entries win awards)");
            entry.Award = level;
            store.Record(contest, actor, ContestActions.Award, entry.Id, $"{(level is null ? "撤销奖项" : ContestAwards.NameOf(level))}：{why}", now);
        }
        else
        {
            var standings = await results.StandingsAsync(contest, ct);
            var awards = ContestScoring.AwardsByRank(contest, standings);
            var entries = await db.Set<ContestEntry>().Where(e => e.ContestId == id).ToListAsync(ct);
            foreach (var entry in entries)
            {
                entry.Award = awards.GetValueOrDefault(entry.Id);
                if (entry.Award is not null)
                    store.Record(contest, actor, ContestActions.Award, entry.Id, $"{ContestAwards.NameOf(entry.Award)}（按排名）", now);
            }
        }
        await store.SaveAsync(ct);
        return await results.StandingsAsync(contest, ct);
    }

    /// <summary>
    /// Puts every award winner forward to <paramref name="level"/> of the recommendation ladder in one step, through
    /// curation's 推优 (the same checks: live item, the next level). Winners that cannot go forward are reported, not hidden.
    /// </summary>
    public async Task<IReadOnlyList<WinnerNomination>> NominateWinnersAsync(Caller caller, Guid id, string? level, string? reason,
        CancellationToken ct)
    {
        var contest = await store.ContestAsync(id, ct);
        var actor = await store.OrganiserAsync(caller, contest, ct);
        if (!ContestPhases.ResultsPublic(contest.Phase))
            throw CurationError.Conflict("获奖作品须在公示或结果发布后推优 (winners are nominated once results are public)");
        var lvl = string.IsNullOrWhiteSpace(level) ? throw CurationError.Invalid("缺少参数 'level' (parameter level is required)", "level") : level;
        RecommendationLevels.CheckKnown(lvl);
        var why = ContestPolicy.RequireReason(reason);
        var winners = await store.Entries.AsNoTracking().Where(e => e.ContestId == id && e.Award != null && e.Status == EntryStatus.Eligible)
            .ToListAsync(ct);
        var done = new List<WinnerNomination>();
        foreach (var w in winners.OrderBy(w => ContestAwards.Ordered.ToList().IndexOf(w.Award!)))
        {
            var text = $"{contest.Title} {ContestAwards.NameOf(w.Award)}：{why}";
            try
            {
                await runner.ActAsync(caller, w.ResourceId, null, s => s.NominateWinnerAsync(lvl, text), ct);
                done.Add(new WinnerNomination(w.Id, w.ResourceId, w.Award!, true, null));
            }
            catch (Exception e) when (e is CurationError or AppError)
            {
                db.ChangeTracker.Clear();
                done.Add(new WinnerNomination(w.Id, w.ResourceId, w.Award!, false, e.Message));
            }
        }
        var tracked = await store.ContestAsync(id, ct);
        store.Record(tracked, actor, ContestActions.Nominate, null,
            $"{RecommendationLevels.NameOf(lvl)}：{done.Count(d => d.Nominated)}/{done.Count} 件获奖作品已推优", DateTime.UtcNow);
        await store.SaveAsync(ct);
        return done;
    }

    private static DateTime Utc(DateTime? value) => value is { } v ? (v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime()) : default;

    private static IEnumerable<(string, string)> Unknown(IEnumerable<string> codes, TaxonomyList list, string field) =>
        codes.Where(c => !list.Contains(c)).Select(c => ($"{list.Label}代码“{c}”不存在 (unknown code)", field));
}

/// <summary>One winner's outcome of <see cref="ContestOrganising.NominateWinnersAsync"/>.</summary>
public sealed record WinnerNomination(Guid EntryId, Guid ResourceId, string Award, bool Nominated, string? Problem);
