namespace ResourceHub.Domain.Intake;

/// <summary>
/// A vendor's bulk import: a package (manifest + files) whose rows become resources of one organisation.
/// Durable, so a crash mid-import resumes at the first row not yet recorded as done.
/// </summary>
public class ImportJob
{
    public Guid Id { get; set; }
    /// <summary>Every row's resource belongs to this organisation: the importing caller's.</summary>
    public string OwnerOrg { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public string CreatedByName { get; set; } = "";
    /// <summary>The caller's role when the job was created; the worker acts with it.</summary>
    public string Role { get; set; } = "";
    /// <summary>Where the package is: a blob key (uploaded ZIP) or, for the CLI, the folder or ZIP path.</summary>
    public string Source { get; set; } = "";
    public bool SourceIsBlob { get; set; }
    /// <summary>Submit each imported item for review after its file is stored.</summary>
    public bool Submit { get; set; }
    public string State { get; set; } = ImportState.Queued;
    /// <summary>Manifest rows, known once the package is read; progress is counted from the rows' states.</summary>
    public int TotalRows { get; set; }
    /// <summary>Why the whole package was refused (no manifest, unsafe ZIP …), "中文 (English)".</summary>
    public string? Error { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    /// <summary>Bumped on every change: a claim only wins when the row is unchanged since it was read.</summary>
    public long Version { get; set; }

    public bool IsFinished => State is ImportState.Succeeded or ImportState.Failed;
}

public static class ImportState
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    /// <summary>The package itself could not be read; rows that failed alone leave the job succeeded.</summary>
    public const string Failed = "failed";
}
