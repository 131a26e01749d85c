using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Indexing.Documents;

namespace ResourceHub.Indexing.Pipeline;

/// <summary>
/// Makes the index agree with the database for some resource ids: the current row is upserted,
/// a missing or retired one deleted. Reads current state rather than replaying events, so applying
/// the same ids twice, or out of order, converges to the same index.
/// </summary>
public sealed class DocumentSync(ResourceHubDbContext db, SearchDocumentBuilder builder)
{
    public const int ChunkSize = 1000;

    public async Task<BulkResult> SyncAsync(ISearchIndex index, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var succeeded = 0;
        var failures = new List<BulkFailure>();
        foreach (var chunk in ids.Distinct().Chunk(ChunkSize))
        {
            var (documents, gone) = await LoadAsync(chunk, ct);
            foreach (var result in new[] { await index.UpsertAsync(documents, ct), await index.DeleteAsync(gone, ct) })
            {
                succeeded += result.Succeeded;
                failures.AddRange(result.Failures);
            }
        }
        return new BulkResult(succeeded, failures);
    }

    /// <summary>Documents for the searchable resources among the ids, and the ids that must leave the index.</summary>
    public async Task<(List<SearchDocument> Documents, List<Guid> Gone)> LoadAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var resources = await db.Resources.AsNoTracking().Include(r => r.Stats).Where(r => ids.Contains(r.Id)).ToListAsync(ct);
        var searchable = resources.Where(SearchDocumentBuilder.IsSearchable).Select(r => r.Id).ToList();
        var texts = await db.ResourceTexts.AsNoTracking().Where(t => searchable.Contains(t.ResourceId))
            .ToDictionaryAsync(t => t.ResourceId, t => t.Text, ct);
        var documents = resources.Where(SearchDocumentBuilder.IsSearchable)
            .Select(r => builder.Build(r) with { Content = texts.GetValueOrDefault(r.Id, "") }).ToList();
        var kept = documents.Select(d => d.Id).ToHashSet();
        return (documents, ids.Where(id => !kept.Contains(id)).ToList());
    }
}
