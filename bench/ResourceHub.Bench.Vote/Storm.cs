using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;

/// <summary>
/// Sends planned requests over loopback with at most <paramref name="parallel"/> in flight and records each answer's
/// status and latency. A doubled item sends its two copies at once (the same voter racing themselves).
/// </summary>
internal sealed class Storm(HttpClient http, IReadOnlyList<string> tokens, int parallel)
{
    public sealed record Item(int Voter, Guid Entry, int Copies);

    public sealed record Answer(Guid Entry, int Status, double Milliseconds, string? Body);

    public sealed record Run(IReadOnlyList<Answer> Answers, TimeSpan Elapsed)
    {
        public double PerSecond => Answers.Count / Elapsed.TotalSeconds;
        public double Percentile(double p)
        {
            var sorted = Answers.Select(a => a.Milliseconds).Order().ToList();
            return sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * p) - 1)];
        }
    }

    public async Task<Run> RunAsync(IReadOnlyList<Item> items, Func<Item, HttpRequestMessage> request)
    {
        var answers = new ConcurrentBag<Answer>();
        var watch = Stopwatch.StartNew();
        // Copies count against the bound too: a pair takes two of the slots.
        using var slots = new SemaphoreSlim(parallel);
        var running = new List<Task>(items.Count);
        foreach (var item in items)
            for (var c = 0; c < item.Copies; c++)
            {
                await slots.WaitAsync();
                running.Add(SendAsync(item, request, answers, slots));
            }
        await Task.WhenAll(running);
        return new Run(answers.ToList(), watch.Elapsed);
    }

    private async Task SendAsync(Item item, Func<Item, HttpRequestMessage> request, ConcurrentBag<Answer> answers, SemaphoreSlim slots)
    {
        try
        {
            using var message = request(item);
            message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[item.Voter]);
            var watch = Stopwatch.StartNew();
            using var response = await http.SendAsync(message);
            var body = (int)response.StatusCode >= 300 ? await response.Content.ReadAsStringAsync() : null;
            if (body is null)
                await response.Content.CopyToAsync(Stream.Null);
            answers.Add(new Answer(item.Entry, (int)response.StatusCode, watch.Elapsed.TotalMilliseconds, body));
        }
        catch (HttpRequestException e)
        {
            answers.Add(new Answer(item.Entry, 0, 0, e.Message));
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>
    /// Every voter gives <paramref name="perVoter"/> ballots: one in five is a pair (the same entry twice at once), the
    /// rest single votes, each for a different entry. Shuffled with a fixed seed so runs compare.
    /// </summary>
    public static List<Item> Plan(int voters, int perVoter, IReadOnlyList<Guid> entries, int seed = 17)
    {
        var random = new Random(seed);
        var items = new List<Item>();
        var pairs = perVoter / 5;
        var singles = perVoter - 2 * pairs;
        for (var v = 0; v < voters; v++)
        {
            var chosen = entries.OrderBy(_ => random.Next()).Take(singles + pairs).ToList();
            items.AddRange(chosen.Take(singles).Select(e => new Item(v, e, 1)));
            items.AddRange(chosen.Skip(singles).Select(e => new Item(v, e, 2)));
        }
        return items.OrderBy(_ => random.Next()).ToList();
    }
}
