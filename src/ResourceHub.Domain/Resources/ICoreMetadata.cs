namespace ResourceHub.Domain.Resources;

/// <summary>
/// The fields whose change sends a published resource back through review. Both the live
/// <see cref="Resource"/> and a pending revision carry them; <see cref="Copy"/> is the one place they are listed.
/// </summary>
public interface ICoreMetadata
{
    string Kind { get; set; }
    string Title { get; set; }
    string? Description { get; set; }
    string Subject { get; set; }
    string Stage { get; set; }
    List<string> Topics { get; set; }
    List<string> Tags { get; set; }
    string? Grade { get; set; }
    string? TrainingProject { get; set; }
    string? Workshop { get; set; }

    static void Copy(ICoreMetadata from, ICoreMetadata to)
    {
        to.Kind = from.Kind;
        to.Title = from.Title;
        to.Description = from.Description;
        to.Subject = from.Subject;
        to.Stage = from.Stage;
        to.Topics = from.Topics.ToList();
        to.Tags = from.Tags.ToList();
        to.Grade = from.Grade;
        to.TrainingProject = from.TrainingProject;
        to.Workshop = from.Workshop;
    }
}
