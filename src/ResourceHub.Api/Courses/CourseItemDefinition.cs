using ResourceHub.Api.OData;
using ResourceHub.Domain.Courses;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Courses;

/// <summary>A course's ordered entry; contained in its course (no entity set of its own).</summary>
public sealed class CourseItemDefinition : EntityDefinition<CourseItem>
{
    public static readonly CourseItemDefinition Instance = new();

    public override string SetName => "";
    public override string TypeName => "CourseItem";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<CourseItem>> Fields { get; } =
    [
        new("Id", FieldType.Guid, i => i.Id),
        new("Position", FieldType.Int64, i => (long)i.Position),
        new("ResourceId", FieldType.Guid, i => i.ResourceId),
    ];

    public override IReadOnlyList<NavigationField> Navigations { get; } =
        [new("Resource", "Resource", IsCollection: false, TargetSet: "Resources")];

    public override object KeyOf(CourseItem entity) => entity.Id;
}
