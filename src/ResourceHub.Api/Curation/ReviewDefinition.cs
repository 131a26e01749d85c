using ResourceHub.Api.OData;
using ResourceHub.Domain.Curation;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Curation;

/// <summary>The read-only Reviews set (also Resources(id)/Reviews).</summary>
public sealed class ReviewDefinition : EntityDefinition<Review>
{
    public static readonly ReviewDefinition Instance = new();

    public override string SetName => "Reviews";
    public override string TypeName => "Review";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<Review>> Fields { get; } =
    [
        new("Id", FieldType.Guid, r => r.Id),
        new("ResourceId", FieldType.Guid, r => r.ResourceId),
        new("Round", FieldType.Int64, r => (long)r.Round),
        new("RubricId", FieldType.Guid, r => r.RubricId),
        new("ReviewerId", FieldType.String, r => r.ReviewerId),
        new("ReviewerOrg", FieldType.String, r => r.ReviewerOrg),
        new("Scores", FieldType.StringCollection, r => r.Scores),
        new("Total", FieldType.Double, r => r.Total),
        new("MaxTotal", FieldType.Double, r => r.MaxTotal),
        new("Comment", FieldType.String, r => r.Comment, Nullable: true, Sortable: false),
        new("Verdict", FieldType.String, r => r.Verdict),
        new("CreatedAt", FieldType.DateTimeOffset, r => r.CreatedAt),
    ];

    public override object KeyOf(Review entity) => entity.Id;
}
