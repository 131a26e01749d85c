using ResourceHub.Domain.Resources;

namespace ResourceHub.Domain.Curation;

/// <summary>
/// Everything curation reads and writes about one resource or package, loaded by the caller and handed to
/// <see cref="CurationWorkflow"/>. Review steps act on a resource's pending revision when there is one,
/// otherwise on the item; recommendation and retirement always act on the live item. Packages have no revisions.
/// </summary>
public sealed class CurationItem(CurationTarget target, ResourceRevision? revision, ReviewCase? reviewCase, ResourceStats? stats)
{
    private readonly List<object> _added = [];

    public CurationTarget Target { get; } = target;
    public ICurated Curated => Target.Curated;

    /// <summary>The resource, for steps only resources have (revisions, files, ratings).</summary>
    public Resource Resource => Curated as Resource
        ?? throw CurationError.Conflict("资源包不支持此操作 (packages do not support this step)");
    public ResourceRevision? Revision { get; private set; } = revision;
    public ReviewCase? Case { get; private set; } = reviewCase;
    public ResourceStats? Stats { get; private set; } = stats;

    /// <summary>Set when a revision was published into the live fields or thrown away: delete its row.</summary>
    public ResourceRevision? RemovedRevision { get; private set; }

    /// <summary>Set when a published revision made its file the live one: storage starts the media work for it.</summary>
    public ResourceFile? PublishedFile { get; private set; }

    /// <summary>New rows to insert (events, reviews, nominations, ratings, a first case or stats row).</summary>
    public IReadOnlyList<object> Added => _added;

    /// <summary>The status review steps see: the revision's while one is pending.</summary>
    public string ReviewStatus => Revision?.Status ?? Curated.Status;

    public bool OnRevision => Revision is not null;

    internal void Add(object row) => _added.Add(row);

    internal ReviewCase EnsureCase()
    {
        if (Case is null)
        {
            Case = new ReviewCase { ResourceId = Curated.Id };
            Add(Case);
        }
        return Case;
    }

    internal ResourceStats EnsureStats()
    {
        if (Stats is null)
        {
            Stats = new ResourceStats { ResourceId = Curated.Id };
            Add(Stats);
        }
        return Stats;
    }

    internal void StartRevision(ResourceRevision revision)
    {
        Revision = revision;
        Add(revision);
    }

    internal void PublishRevision()
    {
        if (Revision!.ApplyTo(Resource))
            PublishedFile = Resource.File;
        DropRevision();
    }

    internal void DropRevision()
    {
        RemovedRevision = Revision;
        Revision = null;
    }
}
