using ResourceHub.Domain.Resources;

namespace ResourceHub.Application.Resources;

/// <summary>A field a create or an edit sets (null on purpose is a value too: it clears the field).</summary>
public sealed record Given<T>(T Value);

/// <summary>
/// The fields of a resource a create or an edit sets, whatever the adapter read them from (OData JSON, a
/// web form). A field left null is kept as it is; <see cref="ResourceAuthoring"/> validates the result.
/// </summary>
public sealed class ResourceChanges
{
    public Given<string?>? Kind { get; init; }
    public Given<string?>? Title { get; init; }
    public Given<string?>? Description { get; init; }
    public Given<string?>? Subject { get; init; }
    public Given<string?>? Stage { get; init; }
    public Given<string?>? Grade { get; init; }
    public Given<IReadOnlyList<string>?>? Topics { get; init; }
    public Given<IReadOnlyList<string>?>? Tags { get; init; }
    public Given<string?>? TrainingProject { get; init; }
    public Given<string?>? Workshop { get; init; }

    /// <summary>Chosen at creation only (<see cref="Domain.Access.ResourcePermissions.CanCreateFor"/>); an edit may not move it.</summary>
    public string? OwnerOrg { get; init; }

    internal void ApplyTo(Resource target)
    {
        if (Kind is not null) target.Kind = Kind.Value ?? "";
        if (Title is not null) target.Title = Title.Value?.Trim() ?? "";
        if (Description is not null) target.Description = Description.Value;
        if (Subject is not null) target.Subject = Subject.Value ?? "";
        if (Stage is not null) target.Stage = Stage.Value ?? "";
        if (Grade is not null) target.Grade = Grade.Value;
        if (Topics is not null) target.Topics = Topics.Value?.ToList() ?? [];
        if (Tags is not null) target.Tags = Tags.Value?.ToList() ?? [];
        if (TrainingProject is not null) target.TrainingProject = TrainingProject.Value?.Trim();
        if (Workshop is not null) target.Workshop = Workshop.Value?.Trim();
    }
}
