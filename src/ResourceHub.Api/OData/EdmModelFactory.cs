using ResourceHub.Api.Contests;
using Microsoft.OData.Edm;
using ResourceHub.Api.Courses;
using ResourceHub.Api.Curation;
using ResourceHub.Api.Media;
using ResourceHub.Api.Organizations;
using ResourceHub.Api.Resources;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.OData;

/// <summary>
/// Builds the service's EDM model from the entity definitions (one place for all sets). Types
/// first, then sets, then navigation properties, so a new set (Renditions, Reviews, History) is
/// one more line in each list.
/// </summary>
public static class EdmModelFactory
{
    public const string Namespace = "ResourceHub";
    public const string ContainerName = "Container";

    public static IEdmModel Create()
    {
        var model = new EdmModel();
        var container = new EdmEntityContainer(Namespace, ContainerName);
        model.AddElement(container);
        var types = new Dictionary<string, EdmEntityType>();
        var navigations = new List<(EdmEntityType Source, NavigationField Field)>();
        void Add<T>(EntityDefinition<T> definition, bool hasSet)
        {
            var type = AddType(model, definition);
            types[definition.TypeName] = type;
            navigations.AddRange(definition.Navigations.Select(n => (type, n)));
            if (hasSet)
                container.AddEntitySet(definition.SetName, type);
        }
        Add(ResourceDefinition.Instance, hasSet: true);
        Add(CourseDefinition.Instance, hasSet: true);
        Add(CourseItemDefinition.Instance, hasSet: false);
        Add(OrganizationDefinition.Instance, hasSet: true);
        Add(Packages.PackageDefinition.Instance, hasSet: true);
        Add(Packages.PackageSectionDefinition.Instance, hasSet: false);
        Add(Packages.BasketItemDefinition.Instance, hasSet: true);

        foreach (var (source, field) in navigations)
        {
            var property = source.AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
            {
                Name = field.Name,
                Target = types[field.TargetType],
                TargetMultiplicity = field.IsCollection ? EdmMultiplicity.Many : EdmMultiplicity.ZeroOrOne,
                ContainsTarget = field.TargetSet is null,
            });
            if (field.TargetSet is null)
                continue;
            foreach (var set in container.EntitySets().OfType<EdmEntitySet>().Where(s => s.EntityType == source))
                set.AddNavigationTarget(property, container.FindEntitySet(field.TargetSet));
        }
        // Items of a course point at Resources too; their binding path goes through the containment.
        var courses = (EdmEntitySet)container.FindEntitySet(CourseDefinition.Instance.SetName);
        var items = (IEdmNavigationProperty)types["Course"].FindProperty("Items");
        var itemResource = (IEdmNavigationProperty)types["CourseItem"].FindProperty("Resource");
        courses.AddNavigationTarget(itemResource, container.FindEntitySet(ResourceDefinition.Instance.SetName),
            new EdmPathExpression(items.Name, itemResource.Name));
        CurationEdm.Extend(model, container);
        ContestEdm.Extend(model, container);
        Duplicates.DuplicateEdm.Extend(model, container);
        var resources = (EdmEntitySet)container.FindEntitySet(ResourceDefinition.Instance.SetName);
        AddNavigation(resources, "Renditions", AddSet(model, container, RenditionDefinition.Instance));
        AddNavigation(resources, "Jobs", AddSet(model, container, MediaJobDefinition.Instance));
        AddNavigation(resources, "Checks", AddSet(model, container, UploadCheckDefinition.Instance));
        return model;
    }

    /// <summary>Adds an entity type and its set (modules such as curation add theirs through this).</summary>
    internal static EdmEntitySet AddSet<T>(EdmModel model, EdmEntityContainer container, EntityDefinition<T> definition) =>
        container.AddEntitySet(definition.SetName, AddType(model, definition));

    private static EdmEntityType AddType<T>(EdmModel model, EntityDefinition<T> definition)
    {
        var type = new EdmEntityType(Namespace, definition.TypeName, null, false, false, definition.HasStream);
        foreach (var field in definition.Fields)
        {
            var property = type.AddStructuralProperty(field.Name, TypeOf(field.Type, field.Nullable));
            if (field.Name == definition.KeyName)
                type.AddKeys(property);
        }
        model.AddElement(type);
        return type;
    }

    /// <summary>A read-only, many-valued link from one set to another (e.g. Resources({id})/Renditions).</summary>
    private static void AddNavigation(EdmEntitySet source, string name, EdmEntitySet target)
    {
        var property = ((EdmEntityType)source.EntityType).AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
        {
            Name = name,
            Target = target.EntityType,
            TargetMultiplicity = EdmMultiplicity.Many,
        });
        source.AddNavigationTarget(property, target);
    }

    public static IEdmTypeReference TypeOf(FieldType type, bool nullable) => type switch
    {
        FieldType.String => EdmCoreModel.Instance.GetString(nullable),
        FieldType.Int64 => EdmCoreModel.Instance.GetInt64(nullable),
        FieldType.Decimal => EdmCoreModel.Instance.GetDecimal(nullable),
        FieldType.Double => EdmCoreModel.Instance.GetDouble(nullable),
        FieldType.Boolean => EdmCoreModel.Instance.GetBoolean(nullable),
        FieldType.DateTimeOffset => EdmCoreModel.Instance.GetDateTimeOffset(nullable),
        FieldType.Guid => EdmCoreModel.Instance.GetGuid(nullable),
        FieldType.StringCollection => EdmCoreModel.GetCollection(EdmCoreModel.Instance.GetString(false)),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
