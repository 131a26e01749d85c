using ResourceHub.Api.OData;

namespace ResourceHub.Api.Resources;

/// <summary>Reads a create/update payload into <see cref="ResourceChanges"/>; the use case validates the result.</summary>
public static class ResourceInput
{
    public static readonly IReadOnlySet<string> Writable = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Kind", "Title", "Description", "Subject", "Stage", "Topics", "Tags", "Grade", "OwnerOrg", "TrainingProject", "Workshop" };

    public static readonly IReadOnlySet<string> Computed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Id", "CreatedBy", "CreatedAt", "UpdatedAt", "Status", "FileName", "ContentType", "Size", "Sha256", "RecommendationLevel", "QualityScore" };

    public static async Task<ResourceChanges> ReadAsync(HttpRequest request)
    {
        var body = await RequestBody.ReadAsync(request, Writable, Computed);
        var errors = new List<ODataErrorDetail>();
        Given<string?>? Text(string name) => body.Has(name) ? new(body.String(name, errors)) : null;
        Given<IReadOnlyList<string>?>? List(string name) => body.Has(name) ? new(body.StringList(name, errors)) : null;
        var changes = new ResourceChanges
        {
            Kind = Text("Kind"), Title = Text("Title"), Description = Text("Description"), Subject = Text("Subject"),
            Stage = Text("Stage"), Grade = Text("Grade"), Topics = List("Topics"), Tags = List("Tags"),
            TrainingProject = Text("TrainingProject"), Workshop = Text("Workshop"),
            OwnerOrg = body.Has("OwnerOrg") ? body.String("OwnerOrg", errors) : null,
        };
        RequestBody.ThrowIfAny(errors);
        return changes;
    }
}
