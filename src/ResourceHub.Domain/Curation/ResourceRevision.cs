using ResourceHub.Domain.Resources;

namespace ResourceHub.Domain.Curation;

/// <summary>
/// Pending edits to a published resource's core metadata and, optionally, its file. The live fields and
/// file stay visible while the revision goes through review on its own status; publishing it copies it
/// over the live ones.
/// </summary>
public class ResourceRevision : ICoreMetadata
{
    public Guid ResourceId { get; set; }
    public string Status { get; set; } = ResourceStatus.Draft;
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public string Subject { get; set; } = "";
    public string Stage { get; set; } = "";
    public List<string> Topics { get; set; } = [];
    public List<string> Tags { get; set; } = [];
    public string? Grade { get; set; }
    public string? TrainingProject { get; set; }
    public string? Workshop { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>A new file awaiting review, stored under its own blob key; null when only metadata changed.</summary>
    public ResourceFile? File { get; set; }

    /// <summary>A detached copy of the live resource showing this revision's fields, to edit and validate.</summary>
    public static Resource Preview(Resource live, ResourceRevision? revision)
    {
        var copy = new Resource
        {
            Id = live.Id, OwnerOrg = live.OwnerOrg, CreatedBy = live.CreatedBy, CreatedAt = live.CreatedAt,
            UpdatedAt = live.UpdatedAt, Status = live.Status, Version = live.Version, File = revision?.File ?? live.File,
            RecommendationLevel = live.RecommendationLevel, QualityScore = live.QualityScore, Stats = live.Stats,
        };
        ICoreMetadata.Copy(revision ?? (ICoreMetadata)live, copy);
        return copy;
    }

    /// <summary>A new draft revision holding the edited fields.</summary>
    public static ResourceRevision Start(Resource edited, string by, DateTime at)
    {
        var revision = new ResourceRevision { ResourceId = edited.Id, CreatedBy = by, CreatedAt = at };
        revision.Update(edited, at);
        return revision;
    }

    public void Update(Resource edited, DateTime at)
    {
        ICoreMetadata.Copy(edited, this);
        UpdatedAt = at;
    }

    /// <summary>Makes the reviewed revision the live version; true when it brought a new file.</summary>
    public bool ApplyTo(Resource live)
    {
        ICoreMetadata.Copy(this, live);
        if (File is null)
            return false;
        live.File = File;
        return true;
    }

    /// <summary>True when the edit changed nothing the revision would carry.</summary>
    public static bool SameAs(ICoreMetadata a, ICoreMetadata b) =>
        a.Kind == b.Kind && a.Title == b.Title && a.Description == b.Description && a.Subject == b.Subject
        && a.Stage == b.Stage && a.Topics.SequenceEqual(b.Topics) && a.Tags.SequenceEqual(b.Tags)
        && a.Grade == b.Grade && a.TrainingProject == b.TrainingProject && a.Workshop == b.Workshop;
}
