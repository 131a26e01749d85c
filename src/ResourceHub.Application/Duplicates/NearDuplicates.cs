using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Duplicates;

namespace ResourceHub.Application.Duplicates;

/// <summary>
/// The media worker's last step for a processed file: replaces the resource's signatures (video frame hashes,
/// MinHash of its extracted text and of its title) with their LSH bands, looks up the resources sharing a band,
/// checks each closely and records the likely duplicates. Runs inside the job's publishing transaction, so a
/// crash repeats it with the job; everything here can be rebuilt by processing the files again.
/// </summary>
public sealed class NearDuplicates(ResourceHubDbContext db, TimeProvider clock)
{
    public const double MinTextSimilarity = 0.5;
    public const double MinTitleSimilarity = 0.8;
    /// <summary>Character 4-grams for text (a few words of Chinese), bigrams for short titles.</summary>
    private const int TextGram = 4, TitleGram = 2;
    /// <summary>Shorter texts and titles say too little to call two resources alike.</summary>
    private const int MinTextChars = 50, MinTitleChars = 4;
    /// <summary>Band rows: fewer rows per band find weaker matches (video quarters change more than text shingles).</summary>
    private const int VideoRows = 2, TextRows = 4, TitleRows = 4;
    /// <summary>A bound on the close checks per method, whatever the catalogue's size.</summary>
    private const int MaxCompared = 200;

    public async Task RecordAsync(Guid resourceId, ulong[]? frames, string? text, CancellationToken ct)
    {
        var title = await db.Resources.AsNoTracking().Where(r => r.Id == resourceId).Select(r => r.Title).SingleOrDefaultAsync(ct);
        if (title is null)
            return;
        await db.Set<DuplicateSignature>().Where(s => s.ResourceId == resourceId).ExecuteDeleteAsync(ct);
        await db.Set<DuplicateBand>().Where(b => b.ResourceId == resourceId).ExecuteDeleteAsync(ct);
        await db.Set<DuplicateCandidate>()
            .Where(c => c.Method != DuplicateMethods.Sha256 && (c.ResourceId == resourceId || c.OtherResourceId == resourceId))
            .ExecuteDeleteAsync(ct);
        var identical = await db.Set<DuplicateCandidate>().AsNoTracking()
            .Where(c => c.Method == DuplicateMethods.Sha256 && (c.ResourceId == resourceId || c.OtherResourceId == resourceId))
            .Select(c => c.ResourceId == resourceId ? c.OtherResourceId : c.ResourceId).ToListAsync(ct);
        var found = new List<DuplicateCandidate>();

        if (frames is not null && frames.Count(h => h != 0) >= VideoAlignment.MinOverlap)
            found.AddRange(await MatchAsync(resourceId, DuplicateMethods.Video, frames, MinHash.Signature(VideoAlignment.Tokens(frames)), VideoRows,
                others => Task.FromResult(others.Select(o => (o.ResourceId, VideoAlignment.Score(frames, HashBytes.To(o.Data))))), ct));

        var normalText = TextShingles.Normalise(text ?? "");
        if (normalText.Length >= MinTextChars)
        {
            var signature = MinHash.Signature(TextShingles.Of(normalText, TextGram));
            found.AddRange(await MatchAsync(resourceId, DuplicateMethods.Text, signature, signature, TextRows,
                others => Task.FromResult(others.Select(o => (o.ResourceId, AtLeast(MinHash.Similarity(signature, HashBytes.To(o.Data)), MinTextSimilarity)))), ct));
        }

        var normalTitle = TextShingles.Normalise(title);
        if (normalTitle.Length >= MinTitleChars)
        {
            var grams = TextShingles.Of(normalTitle, TitleGram);
            var signature = MinHash.Signature(grams);
            found.AddRange(await MatchAsync(resourceId, DuplicateMethods.Title, signature, signature, TitleRows,
                async others => await TitleScoresAsync(grams, others.Select(o => o.ResourceId).ToList(), ct), ct));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var candidate in found.Where(c => !identical.Contains(c.OtherResourceId)))
        {
            candidate.FoundAt = now;
            db.Add(candidate);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Stores the signature and its bands, then checks the resources that share a band.</summary>
    private async Task<List<DuplicateCandidate>> MatchAsync(Guid resourceId, string method, ulong[] stored, ulong[] signature, int rows,
        Func<List<DuplicateSignature>, Task<IEnumerable<(Guid Id, double? Score)>>> check, CancellationToken ct)
    {
        var bands = MinHash.Bands(signature, rows).Distinct().ToList();
        db.Add(new DuplicateSignature { ResourceId = resourceId, Method = method, Data = HashBytes.From(stored), ComputedAt = clock.GetUtcNow().UtcDateTime });
        db.AddRange(bands.Select(h => new DuplicateBand { Method = method, Hash = h, ResourceId = resourceId }));
        var sharing = await db.Set<DuplicateBand>().AsNoTracking()
            .Where(b => b.Method == method && bands.Contains(b.Hash) && b.ResourceId != resourceId)
            .Select(b => b.ResourceId).Distinct().Take(MaxCompared).ToListAsync(ct);
        if (sharing.Count == 0)
            return [];
        var others = await db.Set<DuplicateSignature>().AsNoTracking()
            .Where(s => s.Method == method && sharing.Contains(s.ResourceId)).ToListAsync(ct);
        return (await check(others))
            .Where(x => x.Score is not null)
            .Select(x => new DuplicateCandidate { ResourceId = resourceId, OtherResourceId = x.Id, Method = method, Score = Math.Round(x.Score!.Value, 3) })
            .ToList();
    }

    private async Task<IEnumerable<(Guid, double?)>> TitleScoresAsync(HashSet<ulong> grams, List<Guid> ids, CancellationToken ct)
    {
        var titles = await db.Resources.AsNoTracking().Where(r => ids.Contains(r.Id)).Select(r => new { r.Id, r.Title }).ToListAsync(ct);
        return titles.Select(t => (t.Id, AtLeast(TextShingles.Jaccard(grams, TextShingles.Of(TextShingles.Normalise(t.Title), TitleGram)), MinTitleSimilarity)));
    }

    private static double? AtLeast(double score, double threshold) => score >= threshold ? score : null;
}
