namespace ResourceHub.Blobs;

/// <summary>
/// Content types are stored as an HTTP header (S3) or in a fixed-size file header (local store),
/// so they must be short printable ASCII.
/// </summary>
public static class BlobContentType
{
    public const int MaxLength = 200;

    public const string Default = "application/octet-stream";

    public static void Validate(string contentType, string paramName = "contentType")
    {
        ArgumentNullException.ThrowIfNull(contentType, paramName);
        if (contentType.Length == 0 || contentType.Length > MaxLength)
            throw new ArgumentException($"A content type must have 1 to {MaxLength} characters.", paramName);
        foreach (var c in contentType)
        {
            if (c < 0x20 || c > 0x7E)
                throw new ArgumentException(
                    $"Invalid content type '{contentType}': only printable ASCII is allowed.", paramName);
        }
        if (!contentType.Contains('/'))
            throw new ArgumentException($"Invalid content type '{contentType}': expected 'type/subtype'.", paramName);
    }
}
