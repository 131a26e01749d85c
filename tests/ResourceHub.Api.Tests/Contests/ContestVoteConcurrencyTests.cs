using System.Net;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Contests;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Contests;

/// <summary>
/// Votes sent at the same instant by one voter for one entry count once (or VotesPerDay times): the database's
/// unique (entry, voter, day, slot) index decides, not a check that both requests passed before either saved.
/// </summary>
public abstract class ContestVoteConcurrencyTests(string provider) : ContestApi(provider)
{
    protected async Task Concurrent_duplicate_votes_count_once(int votesPerDay)
    {
        var (contest, a, _) = await VotingContestAsync(votesPerDay);
        var voters = Enumerable.Range(1, 5).Select(i => $"v{i}").ToList();
        var calls = voters.SelectMany(v => Enumerable.Range(0, 8).Select(_ => (Voter: v, Client: Teacher(v)))).ToList();
        using var start = new ManualResetEventSlim();
        var tasks = calls.Select(c => Task.Run(async () =>
        {
            start.Wait();
            return await Act(c.Client, contest, "Vote", new { entryId = a });
        })).ToList();
        start.Set();
        var responses = await Task.WhenAll(tasks);
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{(int)r.StatusCode}"));
        Assert.Equal(voters.Count * votesPerDay, responses.Count(r => r.StatusCode == HttpStatusCode.OK));

        await using var db = Db.CreateContext();
        var stored = await db.Set<ContestVote>().Where(v => v.EntryId == Guid.Parse(a)).GroupBy(v => v.VoterId)
            .Select(g => g.Count()).ToListAsync();
        Assert.Equal(Enumerable.Repeat(votesPerDay, voters.Count), stored);
        var results = (await Json(await Organiser.GetAsync($"{contest}/Results()"))).GetProperty("value").EnumerateArray();
        Assert.Equal(voters.Count * votesPerDay, results.Single(r => Text(r, "EntryId") == a).GetProperty("Votes").GetInt64());
        // Forty votes in a moment from five users of one school: machine speed is flagged, the votes still count.
        var flagged = (await Json(await Organiser.GetAsync($"{contest}/FlaggedVotes()"))).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(flagged.Count, results.Single(r => Text(r, "EntryId") == a).GetProperty("FlaggedVotes").GetInt64());
    }
}

public sealed class SqliteContestVoteConcurrencyTests() : ContestVoteConcurrencyTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task One_vote_a_day() => Concurrent_duplicate_votes_count_once(1);
    [Fact] public Task Three_votes_a_day() => Concurrent_duplicate_votes_count_once(3);
}

[Trait("Provider", "postgres")]
public sealed class PostgresContestVoteConcurrencyTests() : ContestVoteConcurrencyTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task One_vote_a_day() => Concurrent_duplicate_votes_count_once(1);
    [PostgresFact] public Task Three_votes_a_day() => Concurrent_duplicate_votes_count_once(3);
}
