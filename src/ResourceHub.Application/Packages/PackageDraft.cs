namespace ResourceHub.Application.Packages;

/// <summary>What a create or edit of a package sets; a null member stays as it is. Sections replace the whole outline (that is how they are reordered).</summary>
public sealed record PackageDraft(string? Title = null, string? Description = null, string? Subject = null, string? Stage = null,
    string? Topic = null, IReadOnlyList<SectionDraft>? Sections = null, string? Kind = null);

/// <summary>A section's title and its resources in order.</summary>
public sealed record SectionDraft(string Title, IReadOnlyList<Guid> ResourceIds);
