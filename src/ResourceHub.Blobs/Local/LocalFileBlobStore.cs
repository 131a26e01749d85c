using System.Buffers;
namespace ResourceHub.Blobs.Local;

/// <summary>
/// Stores each blob as one file under a root folder (key segments become folders). Writes go to a temporary file
/// in the target folder that is fsynced and then renamed over the target, so readers see the old or the new blob,
/// never a partial one, and concurrent writers of one key simply race to the last rename.
/// </summary>
public sealed class LocalFileBlobStore : IBlobStore
{
    // '~' cannot occur in keys (see BlobKey), so temporary files never collide with blobs and listings skip them.
    private const string TempMarker = "~";
    // Uploads arrive in small network reads; filling a large buffer first keeps disk writes few and big.
    private const int CopyBufferSize = 1024 * 1024;

    private readonly string _root;
    private readonly BlobStoreLimits _limits;

    public LocalFileBlobStore(string rootDirectory, BlobStoreLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        _limits = limits ?? new BlobStoreLimits();
        Directory.CreateDirectory(_root);
    }

    public string RootDirectory => _root;

    public async Task<BlobWriteResult> PutAsync(string key, Stream content, string contentType, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        ArgumentNullException.ThrowIfNull(content);
        BlobContentType.Validate(contentType);

        var path = PathOf(key);
        var directory = Path.GetDirectoryName(path)!;
        var tempPath = Path.Combine(directory, $"{TempMarker}{Guid.NewGuid():N}.tmp");
        using var hashing = new HashingStream(content, _limits.MaxBytes);
        DateTime modified;
        try
        {
            await using (var file = CreateTempFile(directory, tempPath))
            {
                await file.WriteAsync(BlobFileHeader.Create(contentType), ct).ConfigureAwait(false);
                var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
                try
                {
                    int read;
                    while ((read = await hashing.FillAsync(buffer.AsMemory(0, CopyBufferSize), ct).ConfigureAwait(false)) > 0)
                        await file.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
                await file.FlushAsync(ct).ConfigureAwait(false);
                file.Flush(flushToDisk: true);
                // Taken from our own file: after the rename another writer may already have replaced it.
                modified = File.GetLastWriteTimeUtc(file.SafeFileHandle);
            }
            File.Move(tempPath, path, overwrite: true);
        }
        catch
        {
            TryDeleteFile(tempPath);
            throw;
        }

        return new BlobWriteResult(key, hashing.BytesRead, hashing.Sha256Hex, contentType,
            ETagOf(hashing.BytesRead, modified));
    }

    public async Task<BlobInfo?> StatAsync(string key, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        await using var file = OpenOrNull(PathOf(key));
        if (file is null)
            return null;
        var contentType = await BlobFileHeader.ReadContentTypeAsync(file, ct).ConfigureAwait(false);
        var length = file.Length - BlobFileHeader.Size;
        var modified = File.GetLastWriteTimeUtc(file.SafeFileHandle);
        return new BlobInfo(key, length, contentType, ToOffset(modified), ETagOf(length, modified));
    }

    public async Task<BlobReadResult?> OpenReadAsync(string key, ByteRange? range = null, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        var file = OpenOrNull(PathOf(key));
        if (file is null)
            return null;
        try
        {
            // Everything is read from the one open handle, so a concurrent overwrite cannot mix two versions.
            var contentType = await BlobFileHeader.ReadContentTypeAsync(file, ct).ConfigureAwait(false);
            var totalLength = file.Length - BlobFileHeader.Size;
            var modified = File.GetLastWriteTimeUtc(file.SafeFileHandle);

            ResolvedByteRange? resolved = null;
            if (range is { } requested)
            {
                if (!requested.TryResolve(totalLength, out var r))
                    throw new BlobRangeNotSatisfiableException(requested, totalLength);
                resolved = r;
            }
            var first = resolved?.First ?? 0;
            var count = resolved?.Length ?? totalLength;
            file.Position = BlobFileHeader.Size + first;
            return new BlobReadResult(new ReadWindowStream(file, count), totalLength, contentType, resolved,
                ToOffset(modified), ETagOf(totalLength, modified));
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public Task DeleteAsync(string key, CancellationToken ct = default)
    {
        BlobKey.Validate(key);
        var path = PathOf(key);
        TryDeleteFile(path);
        PruneEmptyDirectories(Path.GetDirectoryName(path)!);
        return Task.CompletedTask;
    }

    public Task DeletePrefixAsync(string prefix, CancellationToken ct = default)
    {
        BlobKey.ValidatePrefix(prefix);
        if (prefix.Length == 0)
            throw new ArgumentException("Refusing to delete every blob: the prefix is empty.", nameof(prefix));

        // Listed in full first, so no folder is changed while it is being enumerated.
        var paths = EnumerateBlobs(prefix, ct).Select(item => PathOf(item.Key)).ToList();
        foreach (var path in paths)
        {
            ct.ThrowIfCancellationRequested();
            TryDeleteFile(path);
        }
        // Deepest first, so parents become empty before they are looked at.
        foreach (var directory in paths.Select(Path.GetDirectoryName).Distinct().OrderByDescending(d => d!.Length))
            PruneEmptyDirectories(directory!);
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<BlobListItem> ListAsync(string prefix, CancellationToken ct = default)
    {
        BlobKey.ValidatePrefix(prefix);
        return EnumerateBlobs(prefix, ct).ToAsyncEnumerable();
    }

    private IEnumerable<BlobListItem> EnumerateBlobs(string prefix, CancellationToken ct)
    {
        // Only the folder of the prefix's last complete segment can hold matches.
        var slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? _root : PathOf(prefix[..slash]);
        if (!Directory.Exists(start))
            yield break;

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        foreach (var file in new DirectoryInfo(start).EnumerateFiles("*", options))
        {
            ct.ThrowIfCancellationRequested();
            if (file.Name.StartsWith(TempMarker, StringComparison.Ordinal))
                continue;
            var key = Path.GetRelativePath(_root, file.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (!key.StartsWith(prefix, StringComparison.Ordinal) || !BlobKey.IsValid(key))
                continue;
            var length = file.Length - BlobFileHeader.Size;
            var modified = file.LastWriteTimeUtc;
            yield return new BlobListItem(key, length, ToOffset(modified), ETagOf(length, modified));
        }
    }

    public Task<int> SweepAbandonedUploadsAsync(DateTimeOffset idleSince, CancellationToken ct = default)
    {
        // A live upload writes its temporary file continuously, so its last write time stays recent.
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        var stale = new DirectoryInfo(_root).EnumerateFiles(TempMarker + "*.tmp", options)
            .Where(f => f.LastWriteTimeUtc < idleSince.UtcDateTime)
            .Select(f => f.FullName)
            .ToList();
        foreach (var path in stale)
        {
            ct.ThrowIfCancellationRequested();
            TryDeleteFile(path);
            PruneEmptyDirectories(Path.GetDirectoryName(path)!);
        }
        return Task.FromResult(stale.Count);
    }

    public Task<bool> IsReadyAsync(CancellationToken ct = default)
    {
        try
        {
            // Ready means writable: create and delete a probe file.
            var probe = Path.Combine(_root, $"{TempMarker}ready-{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return Task.FromResult(true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Task.FromResult(false);
        }
    }

    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar)));
        // Defence in depth: BlobKey already rules out anything that could leave the root.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Blob key '{key}' maps outside the store root.", nameof(key));
        return path;
    }

    private static FileStream CreateTempFile(string directory, string tempPath)
    {
        // A concurrent delete may prune the folder between creating it and creating the file: retry then.
        for (var attempt = 1; ; attempt++)
        {
            Directory.CreateDirectory(directory);
            try
            {
                return new FileStream(tempPath, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                    bufferSize: 0, FileOptions.Asynchronous);
            }
            catch (DirectoryNotFoundException) when (attempt < 5)
            {
            }
        }
    }

    private static FileStream? OpenOrNull(string path)
    {
        try
        {
            // FileShare.Delete lets writers rename over (and deleters remove) a blob that is being read.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete,
                bufferSize: 0, FileOptions.Asynchronous);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(path))
        {
            return null; // the key names a folder (a prefix of other keys), not a blob
        }
    }

    private void PruneEmptyDirectories(string directory)
    {
        while (directory.Length > _root.Length && directory.StartsWith(_root, StringComparison.Ordinal))
        {
            try
            {
                Directory.Delete(directory, recursive: false);
            }
            catch (IOException)
            {
                return; // not empty (or already gone): stop climbing
            }
            directory = Path.GetDirectoryName(directory)!;
        }
    }

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }

    private static DateTimeOffset ToOffset(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    private static string ETagOf(long length, DateTime modifiedUtc) => $"\"{length:x}-{modifiedUtc.Ticks:x}\"";
}
