using ResourceHub.Api.OData;
using ResourceHub.Domain.Curation;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Curation;

/// <summary>The Rubrics set admins manage; the rows are Rubrics(id)/Criteria.</summary>
public sealed class RubricDefinition : EntityDefinition<Rubric>
{
    public static readonly RubricDefinition Instance = new();

    public override string SetName => "Rubrics";
    public override string TypeName => "Rubric";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<Rubric>> Fields { get; } =
    [
        new("Id", FieldType.Guid, r => r.Id),
        new("Name", FieldType.String, r => r.Name),
        new("Kinds", FieldType.StringCollection, r => r.Kinds),
        new("RequiredReviews", FieldType.Int64, r => (long)r.RequiredReviews),
        new("PassMean", FieldType.Double, r => r.PassMean),
        new("DivergenceGap", FieldType.Double, r => r.DivergenceGap),
        new("BlindReview", FieldType.Boolean, r => r.BlindReview),
        new("MaxTotal", FieldType.Double, r => r.MaxTotal),
        new("OwnerOrg", FieldType.String, r => r.OwnerOrg),
        new("CreatedAt", FieldType.DateTimeOffset, r => r.CreatedAt),
        new("UpdatedAt", FieldType.DateTimeOffset, r => r.UpdatedAt),
    ];

    public override object KeyOf(Rubric entity) => entity.Id;
    public override string ETagOf(Rubric entity) => $"W/\"{entity.Version}\"";
}

/// <summary>One rubric row, read through Rubrics(id)/Criteria and written inline with its rubric.</summary>
public sealed class RubricCriterionDefinition : EntityDefinition<RubricCriterion>
{
    public static readonly RubricCriterionDefinition Instance = new();

    public override string SetName => "RubricCriteria";
    public override string TypeName => "RubricCriterion";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<RubricCriterion>> Fields { get; } =
    [
        new("Id", FieldType.Guid, c => c.Id),
        new("RubricId", FieldType.Guid, c => c.RubricId),
        new("Position", FieldType.Int64, c => (long)c.Position),
        new("Name", FieldType.String, c => c.Name),
        new("MaxPoints", FieldType.Double, c => c.MaxPoints),
        new("Description", FieldType.String, c => c.Description, Nullable: true, Sortable: false),
    ];

    public override object KeyOf(RubricCriterion entity) => entity.Id;
}
