namespace ResourceHub.Domain.Resources;

/// <summary>Where a resource's blobs live: everything under one folder per resource, so deleting the resource can sweep it.</summary>
public static class ResourceBlobKeys
{
    public static string Folder(Guid id) => $"resources/{id:D}/";

    /// <summary>The resource a <see cref="Folder"/> belongs to, or null for another key.</summary>
    public static Guid? ResourceOf(string folder) =>
        folder.Split('/') is ["resources", var id, ""] && Guid.TryParse(id, out var guid) ? guid : null;

    /// <summary>
    /// A fresh key per upload of an item's file: concurrent uploads never write over each other or over
    /// the file the row describes, so the row's switch to the new key (with its version check) is the only
    /// moment the served bytes change. Keys of older data ("…/original") stay valid.
    /// </summary>
    public static string Upload(Guid id) => Folder(id) + $"files/{Guid.NewGuid():N}";

    /// <summary>A fresh key per staged upload: it never overwrites the live file, nor one a reviewer may be reading.</summary>
    public static string Revision(Guid id) => Folder(id) + $"revision/{Guid.NewGuid():N}";

    /// <summary>A fresh folder per media job's outputs, swapped in whole.</summary>
    public static string RenditionSet(Guid id) => Folder(id) + $"renditions/{Guid.NewGuid():N}/";

    /// <summary>The folder holding the received parts of one resumable upload.</summary>
    public static string UploadParts(Guid id, Guid session) => Folder(id) + $"uploads/{session:N}/";

    /// <summary>The upload session a folder made by <see cref="UploadParts"/> belongs to, or null for another key.</summary>
    public static Guid? UploadSessionOf(string prefix) =>
        prefix.Split('/') is ["resources", var id, "uploads", var session, ""] && Guid.TryParse(id, out _)
            && Guid.TryParse(session, out var guid) ? guid : null;

    /// <summary>True for a folder made by <see cref="RenditionSet"/>.</summary>
    public static bool IsRenditionSet(string prefix) =>
        prefix.Split('/') is ["resources", var id, "renditions", { Length: > 0 }, ""] && Guid.TryParse(id, out _);
}
