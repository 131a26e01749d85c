namespace ResourceHub.Domain.Duplicates;

/// <summary>
/// What a resource is compared by, per method (video frame hashes, a MinHash of its text or title), derived by
/// the media worker from the file and title; rebuilt whenever the file is processed again.
/// </summary>
public class DuplicateSignature
{
    public Guid ResourceId { get; set; }
    public string Method { get; set; } = "";
    /// <summary>64-bit hashes, little-endian (<see cref="HashBytes"/>).</summary>
    public byte[] Data { get; set; } = [];
    public DateTime ComputedAt { get; set; }
}

/// <summary>One LSH band of a signature: resources with an equal (method, hash) are the ones compared.</summary>
public class DuplicateBand
{
    public string Method { get; set; } = "";
    public long Hash { get; set; }
    public Guid ResourceId { get; set; }
}
