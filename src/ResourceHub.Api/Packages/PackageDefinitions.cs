using ResourceHub.Api.OData;
using ResourceHub.Domain.Packages;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Packages;

/// <summary>The Packages entity set (资源包); its sections are contained (Packages(id)?$expand=Sections).</summary>
public sealed class PackageDefinition : EntityDefinition<Package>
{
    public static readonly PackageDefinition Instance = new();

    public override string SetName => "Packages";
    public override string TypeName => "Package";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<Package>> Fields { get; } =
    [
        new("Id", FieldType.Guid, p => p.Id),
        new("Title", FieldType.String, p => p.Title),
        new("Description", FieldType.String, p => p.Description, Nullable: true, Sortable: false),
        new("Subject", FieldType.String, p => p.Subject),
        new("Stage", FieldType.String, p => p.Stage),
        new("Topic", FieldType.String, p => p.Topic, Nullable: true),
        new("OwnerOrg", FieldType.String, p => p.OwnerOrg),
        new("CreatedBy", FieldType.String, p => p.CreatedBy),
        new("CreatedAt", FieldType.DateTimeOffset, p => p.CreatedAt),
        new("UpdatedAt", FieldType.DateTimeOffset, p => p.UpdatedAt),
        new("Status", FieldType.String, p => p.Status),
        new("Kind", FieldType.String, p => p.Kind),
        new("RecommendationLevel", FieldType.String, p => p.RecommendationLevel, Nullable: true),
        new("QualityScore", FieldType.Double, p => p.QualityScore, Nullable: true),
    ];

    public override IReadOnlyList<NavigationField> Navigations { get; } =
        [new("Sections", "PackageSection", IsCollection: true, TargetSet: null)];

    public override object KeyOf(Package entity) => entity.Id;
    public override string ETagOf(Package entity) => $"W/\"{entity.Version}\"";
}

/// <summary>An ordered section (单元/课时) with its resources in order (ids the reader can see).</summary>
public sealed class PackageSectionDefinition : EntityDefinition<PackageSection>
{
    public static readonly PackageSectionDefinition Instance = new();

    public override string SetName => "";
    public override string TypeName => "PackageSection";
    public override string KeyName => "Id";

    public override IReadOnlyList<EntityField<PackageSection>> Fields { get; } =
    [
        new("Id", FieldType.Guid, s => s.Id),
        new("Position", FieldType.Int64, s => (long)s.Position),
        new("Title", FieldType.String, s => s.Title),
        new("ResourceIds", FieldType.StringCollection, s => s.Items.Select(i => i.ResourceId.ToString()).ToList()),
    ];

    public override object KeyOf(PackageSection entity) => entity.Id;
}

/// <summary>The caller's 备课篮: one entry per resource, keyed by the resource id (BasketItems(id) is that resource's line).</summary>
public sealed class BasketItemDefinition : EntityDefinition<BasketItem>
{
    public static readonly BasketItemDefinition Instance = new();

    public override string SetName => "BasketItems";
    public override string TypeName => "BasketItem";
    public override string KeyName => "ResourceId";

    public override IReadOnlyList<EntityField<BasketItem>> Fields { get; } =
    [
        new("ResourceId", FieldType.Guid, b => b.ResourceId),
        new("AddedAt", FieldType.DateTimeOffset, b => b.AddedAt),
    ];

    public override IReadOnlyList<NavigationField> Navigations { get; } =
        [new("Resource", "Resource", IsCollection: false, TargetSet: "Resources")];

    public override object KeyOf(BasketItem entity) => entity.ResourceId;
}
