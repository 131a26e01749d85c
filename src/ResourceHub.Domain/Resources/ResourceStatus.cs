namespace ResourceHub.Domain.Resources;

/// <summary>Lifecycle codes as stored and shown in the API (see taxonomy "statuses").</summary>
public static class ResourceStatus
{
    public const string Draft = "draft";
    public const string Submitted = "submitted";
    public const string InReview = "in-review";
    public const string ChangesRequested = "changes-requested";
    public const string Rejected = "rejected";
    public const string Published = "published";
    public const string Recommended = "recommended";
    public const string Retired = "retired";

    /// <summary>States a teacher may see: published work, recommended or not.</summary>
    public static readonly IReadOnlyList<string> PublicStates = [Published, Recommended];
}
