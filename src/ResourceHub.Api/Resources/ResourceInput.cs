using ResourceHub.Api.OData;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Resources;

/// <summary>Applies a create/update payload to a resource; the validator then checks the result.</summary>
public static class ResourceInput
{
    public static readonly IReadOnlySet<string> Writable = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Kind", "Title", "Description", "Subject", "Stage", "Topics", "Tags", "Grade", "OwnerOrg", "TrainingProject", "Workshop" };

    public static readonly IReadOnlySet<string> Computed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Id", "CreatedBy", "CreatedAt", "UpdatedAt", "Status", "FileName", "ContentType", "Size", "Sha256", "RecommendationLevel", "QualityScore" };

    /// <summary>Applies the payload; OwnerOrg may be chosen only when <paramref name="creating"/> (see <see cref="ResourcePermissions"/>).</summary>
    public static void Apply(RequestBody body, Resource target, Caller caller, bool creating)
    {
        var errors = new List<ODataErrorDetail>();
        if (body.Has("Kind")) target.Kind = body.String("Kind", errors) ?? "";
        if (body.Has("Title")) target.Title = body.String("Title", errors)?.Trim() ?? "";
        if (body.Has("Description")) target.Description = body.String("Description", errors);
        if (body.Has("Subject")) target.Subject = body.String("Subject", errors) ?? "";
        if (body.Has("Stage")) target.Stage = body.String("Stage", errors) ?? "";
        if (body.Has("Grade")) target.Grade = body.String("Grade", errors);
        if (body.Has("Topics")) target.Topics = body.StringList("Topics", errors) ?? [];
        if (body.Has("Tags")) target.Tags = body.StringList("Tags", errors) ?? [];
        if (body.Has("TrainingProject")) target.TrainingProject = body.String("TrainingProject", errors)?.Trim();
        if (body.Has("Workshop")) target.Workshop = body.String("Workshop", errors)?.Trim();
        if (body.Has("OwnerOrg") && body.String("OwnerOrg", errors) is { } org && org != target.OwnerOrg)
            target.OwnerOrg = OwnerOrgInput.Check(caller, org, creating);
        RequestBody.ThrowIfAny(errors);
    }
}
