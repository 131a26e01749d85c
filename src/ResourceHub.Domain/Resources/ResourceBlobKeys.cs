namespace ResourceHub.Domain.Resources;

/// <summary>Where a resource's blobs live: everything under one folder per resource, so deleting the resource can sweep it.</summary>
public static class ResourceBlobKeys
{
    public static string Folder(Guid id) => $"resources/{id:D}/";

    /// <summary>The resource a <see cref="Folder"/> belongs to, or null for another key.</summary>
    public static Guid? ResourceOf(string folder) =>
        folder.Split('/') is ["resources", var id, ""] && Guid.TryParse(id, out var guid) ? guid : null;

    /// <summary>The file of an item not yet live; re-uploads overwrite it.</summary>
    public static string Original(Guid id) => Folder(id) + "original";

    /// <summary>A fresh key per staged upload: it never overwrites the live file, nor one a reviewer may be reading.</summary>
    public static string Revision(Guid id) => Folder(id) + $"revision/{Guid.NewGuid():N}";

    /// <summary>A fresh folder per media job's outputs, swapped in whole.</summary>
    public static string RenditionSet(Guid id) => Folder(id) + $"renditions/{Guid.NewGuid():N}/";
}
