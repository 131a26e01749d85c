using System.Text.Json;
using ResourceHub.Api.OData;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Courses;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Api.Courses;

/// <summary>Applies a create/update payload to a course and checks it; Items (ordered) name resources by ResourceId.</summary>
public static class CourseInput
{
    public const int MaxItems = 200;

    public static readonly IReadOnlySet<string> Writable = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Title", "Description", "Kind", "CreditHours", "Subject", "Stage", "OwnerOrg", "Items" };

    public static readonly IReadOnlySet<string> Computed = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "Id", "CreatedAt", "UpdatedAt" };

    /// <summary>Sets the scalar properties; returns the new item list (resource ids in order) when the payload has Items.</summary>
    public static List<Guid>? Apply(RequestBody body, Course target, Caller caller, TaxonomyCatalog taxonomy, bool creating)
    {
        var errors = new List<ODataErrorDetail>();
        if (body.Has("Title")) target.Title = body.String("Title", errors)?.Trim() ?? "";
        if (body.Has("Description")) target.Description = body.String("Description", errors);
        if (body.Has("Kind")) target.Kind = body.String("Kind", errors) ?? "";
        if (body.Has("Subject")) target.Subject = body.String("Subject", errors) ?? "";
        if (body.Has("Stage")) target.Stage = body.String("Stage", errors) ?? "";
        if (body.Has("CreditHours")) target.CreditHours = (double)(body.Decimal("CreditHours", errors) ?? 0);
        if (body.Has("OwnerOrg") && body.String("OwnerOrg", errors) is { } org && org != target.OwnerOrg)
            target.OwnerOrg = OwnerOrgRule.Check(caller, org, creating);
        var items = body.Has("Items") ? body.Array("Items", ResourceIdOf, errors) : null;
        if (string.IsNullOrWhiteSpace(target.Title) || target.Title.Length > 200)
            errors.Add(new("InvalidValue", "课程标题不能为空且不超过 200 字 (Title is required, at most 200 characters)", "Title"));
        Check(errors, taxonomy.CourseKinds, target.Kind, "Kind");
        Check(errors, taxonomy.Subjects, target.Subject, "Subject");
        Check(errors, taxonomy.Stages, target.Stage, "Stage");
        if (target.CreditHours is < 0 or > 1000 || double.IsNaN(target.CreditHours))
            errors.Add(new("InvalidValue", "学时须在 0 到 1000 之间 (CreditHours must be between 0 and 1000)", "CreditHours"));
        if (items is not null)
        {
            if (items.Count > MaxItems)
                errors.Add(new("InvalidValue", $"课程最多 {MaxItems} 项 (a course has at most {MaxItems} items)", "Items"));
            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is null)
                    errors.Add(new("InvalidValue", $"第 {i + 1} 项须为 {{\"ResourceId\": \"<guid>\"}} (each item needs a ResourceId)", $"Items[{i}]/ResourceId"));
                else if (items.IndexOf(items[i]) < i)
                    errors.Add(new("Duplicate", $"资源 {items[i]} 重复出现 (a resource appears once per course)", $"Items[{i}]/ResourceId"));
            }
        }
        RequestBody.ThrowIfAny(errors);
        return items?.Select(i => i!.Value).ToList();
    }

    private static Guid? ResourceIdOf(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object
        && item.EnumerateObject().FirstOrDefault(p => p.Name.Equals("ResourceId", StringComparison.OrdinalIgnoreCase)).Value is
            { ValueKind: JsonValueKind.String } id
        && Guid.TryParse(id.GetString(), out var g)
            ? g
            : null;

    private static void Check(List<ODataErrorDetail> errors, TaxonomyList list, string code, string target)
    {
        if (list.Check(code) is { } message)
            errors.Add(new("InvalidValue", message, target));
    }
}
