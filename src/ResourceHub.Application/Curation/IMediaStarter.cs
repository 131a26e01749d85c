namespace ResourceHub.Application.Curation;

/// <summary>Queues the media work for a resource's live file in the caller's pending SaveChanges (the media adapter's).</summary>
public interface IMediaStarter
{
    Task StartMediaAsync(Guid resourceId, CancellationToken ct);
}
