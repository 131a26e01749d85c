using ResourceHub.Domain.Resources;

namespace ResourceHub.Domain.Curation;

public enum EditMode
{
    /// <summary>Not yet reviewed or sent back: edit the fields in place.</summary>
    InPlace,
    /// <summary>Live: edits go to a pending revision so the reviewed version stays visible.</summary>
    Revision,
    /// <summary>Under review, rejected or retired: no edits.</summary>
    Locked,
}

public static class EditModes
{
    public static EditMode Of(string status) => status switch
    {
        ResourceStatus.Draft or ResourceStatus.ChangesRequested => EditMode.InPlace,
        ResourceStatus.Published or ResourceStatus.Recommended => EditMode.Revision,
        _ => EditMode.Locked,
    };

    /// <summary>How an edit of this item applies, considering a pending revision's own status.</summary>
    public static EditMode Of(Resource resource, ResourceRevision? revision)
    {
        var live = Of(resource.Status);
        if (live != EditMode.Revision || revision is null)
            return live;
        // A rejected revision may be replaced by a fresh one; one under review is locked.
        return revision.Status is ResourceStatus.Draft or ResourceStatus.ChangesRequested or ResourceStatus.Rejected
            ? EditMode.Revision
            : EditMode.Locked;
    }

    /// <summary>Only work that never went to review, or was sent back or rejected, may be deleted; the rest is retired, keeping its history.</summary>
    public static void CheckDeletable(string status)
    {
        if (status is not (ResourceStatus.Draft or ResourceStatus.ChangesRequested or ResourceStatus.Rejected))
            throw CurationError.Conflict(
                $"“{Lifecycle.NameOf(status)}”状态的资源不能删除，已发布的请由管理员淘汰 (an item that is {status} cannot be deleted; retire it instead)");
    }

    public static CurationError Locked(string status) => CurationError.Conflict(
        $"“{Lifecycle.NameOf(status)}”状态的资源不能修改 (an item that is {status} cannot be edited)");
}
