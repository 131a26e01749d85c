using ResourceHub.Application.Curation;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Resources;

/// <summary>A resource's file the caller may download, and the count of completed downloads (popularity).</summary>
public sealed class ResourceDownloads(ResourceReader resources, DownloadCounter counter)
{
    public async Task<ResourceFile> FindAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var resource = await resources.ShowAsync(caller, id, ct); // shown: a blind reviewer gets no file name
        return resource.File ?? throw AppError.NotFound("该资源尚未上传文件 (this resource has no file yet)");
    }

    /// <summary>Called once per download, when its body starts at byte 0 (a player's later ranges are the same download).</summary>
    public Task CountAsync(Guid id, CancellationToken ct) => counter.CountAsync(id, ct);
}
