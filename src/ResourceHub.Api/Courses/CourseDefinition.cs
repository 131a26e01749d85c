using ResourceHub.Api.OData;
using ResourceHub.Domain.Courses;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Courses;

public sealed class CourseDefinition : EntityDefinition<Course>
{
    public static readonly CourseDefinition Instance = new();

    public override string SetName => "Courses";
    public override string TypeName => "Course";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<Course>> Fields { get; } =
    [
        new("Id", FieldType.Guid, c => c.Id),
        new("Title", FieldType.String, c => c.Title),
        new("Description", FieldType.String, c => c.Description, Nullable: true, Sortable: false),
        new("Kind", FieldType.String, c => c.Kind),
        new("CreditHours", FieldType.Double, c => c.CreditHours),
        new("Subject", FieldType.String, c => c.Subject),
        new("Stage", FieldType.String, c => c.Stage),
        new("OwnerOrg", FieldType.String, c => c.OwnerOrg),
        new("CreatedAt", FieldType.DateTimeOffset, c => c.CreatedAt),
        new("UpdatedAt", FieldType.DateTimeOffset, c => c.UpdatedAt),
    ];

    public override IReadOnlyList<NavigationField> Navigations { get; } =
        [new("Items", "CourseItem", IsCollection: true, TargetSet: null)];

    public override object KeyOf(Course entity) => entity.Id;
    public override string ETagOf(Course entity) => $"W/\"{entity.Version}\"";
}
