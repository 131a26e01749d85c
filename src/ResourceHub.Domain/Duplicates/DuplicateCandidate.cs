namespace ResourceHub.Domain.Duplicates;

/// <summary>
/// One finding that a resource's file or title looks like another resource's: kept for reviewers, and
/// rebuilt from the signatures whenever either file changes. One row per pair and method; the resource is
/// the one whose upload or processing found the other.
/// </summary>
public class DuplicateCandidate
{
    public long Id { get; set; }
    public Guid ResourceId { get; set; }
    public Guid OtherResourceId { get; set; }
    /// <summary>A <see cref="DuplicateMethods"/> code.</summary>
    public string Method { get; set; } = "";
    /// <summary>0–1; 1 for identical bytes.</summary>
    public double Score { get; set; }
    public DateTime FoundAt { get; set; }
    /// <summary>Set when an admin merged the pair; the finding is kept, no longer to be acted on.</summary>
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}

/// <summary>How a duplicate was found.</summary>
public static class DuplicateMethods
{
    public const string Sha256 = "sha256";
    public const string Video = "video";
    public const string Text = "text";
    public const string Title = "title";

    public static string NameOf(string method) => method switch
    {
        Sha256 => "文件完全相同",
        Video => "视频画面相似",
        Text => "文档内容相似",
        Title => "标题相似",
        _ => method,
    };
}
