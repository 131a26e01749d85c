using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Intake;

/// <summary>
/// The port an import stores a row's file through: the same path as an upload (content checked against its
/// name, hashed while stored, media work queued in the caller's next save). A refused file is an
/// <see cref="AppError"/> in the uploader's words.
/// </summary>
public interface IImportFiles
{
    /// <summary>Stores <paramref name="content"/> as the draft's file (sets <see cref="Resource.File"/>).</summary>
    /// <returns>Undoes the store when the save that would make it live fails.</returns>
    Task<Func<Task>> StoreAsync(Resource resource, Stream content, string fileName, CancellationToken ct);
}
