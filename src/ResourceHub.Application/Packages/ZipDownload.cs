using ResourceHub.Application.Packages.Zip;

namespace ResourceHub.Application.Packages;

/// <summary>A ZIP ready to stream: its layout (length and offsets), a strong ETag, the download name and the resources in it.</summary>
public sealed record ZipDownload(string FileName, ZipLayout Layout, string ETag, IReadOnlyList<Guid> ResourceIds);
