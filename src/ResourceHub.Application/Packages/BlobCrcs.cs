using System.IO.Hashing;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Domain.Packages;

namespace ResourceHub.Application.Packages;

/// <summary>
/// CRC-32 per blob for STORED ZIP entries. Computed lazily — one read of the blob the first time it goes into a
/// ZIP — and kept in <c>blob_crcs</c>, because a stored entry's header must carry the CRC before its bytes and
/// we promise Content-Length and Range up front (no data descriptors). Uploads are not slowed for files that
/// are never packed; a package's first download pays one read of its new files before its first byte.
/// </summary>
public sealed class BlobCrcs(ResourceHubDbContext db, IBlobStore blobs)
{
    private const int BufferSize = 1024 * 1024;

    public async Task<IReadOnlyDictionary<string, uint>> ForAsync(IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        var known = await db.Set<BlobCrc>().AsNoTracking().Where(c => keys.Contains(c.BlobKey))
            .ToDictionaryAsync(c => c.BlobKey, c => (uint)c.Crc32, ct);
        foreach (var key in keys.Where(k => !known.ContainsKey(k)).Distinct())
        {
            known[key] = await ComputeAsync(key, ct);
            var row = db.Add(new BlobCrc { BlobKey = key, Crc32 = known[key] });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // A concurrent download stored the same value first.
            }
            row.State = EntityState.Detached;
        }
        return known;
    }

    private async Task<uint> ComputeAsync(string key, CancellationToken ct)
    {
        var blob = await blobs.OpenReadAsync(key, null, ct)
                   ?? throw AppError.NotFound("文件暂不可用，请稍后重试 (a stored file of this package is missing)");
        await using (blob)
        {
            var crc = new Crc32();
            var buffer = new byte[BufferSize];
            int read;
            while ((read = await blob.Content.ReadAsync(buffer, ct)) > 0)
                crc.Append(buffer.AsSpan(0, read));
            return crc.GetCurrentHashAsUInt32();
        }
    }
}
