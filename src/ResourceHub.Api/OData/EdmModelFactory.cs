using Microsoft.OData.Edm;
using ResourceHub.Api.Courses;
using ResourceHub.Api.Media;
using ResourceHub.Api.Organizations;
using ResourceHub.Api.Resources;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.OData;

/// <summary>Builds the service's EDM model from the entity definitions (one place for all sets).</summary>
public static class EdmModelFactory
{
    public const string Namespace = "ResourceHub";
    public const string ContainerName = "Container";

    public static IEdmModel Create()
    {
        var model = new EdmModel();
        var container = new EdmEntityContainer(Namespace, ContainerName);
        model.AddElement(container);
        var resources = AddSet(model, container, ResourceDefinition.Instance);
        AddSet(model, container, CourseDefinition.Instance);
        AddSet(model, container, OrganizationDefinition.Instance);
        AddNavigation(resources, "Renditions", AddSet(model, container, RenditionDefinition.Instance));
        AddNavigation(resources, "Jobs", AddSet(model, container, MediaJobDefinition.Instance));
        return model;
    }

    private static EdmEntitySet AddSet<T>(EdmModel model, EdmEntityContainer container, EntityDefinition<T> definition)
    {
        var type = new EdmEntityType(Namespace, definition.TypeName, null, false, false, definition.HasStream);
        foreach (var field in definition.Fields)
        {
            var property = type.AddStructuralProperty(field.Name, TypeOf(field.Type, field.Nullable));
            if (field.Name == definition.KeyName)
                type.AddKeys(property);
        }
        model.AddElement(type);
        return container.AddEntitySet(definition.SetName, type);
    }

    /// <summary>A read-only, many-valued link from one set to another (e.g. Resources({id})/Renditions).</summary>
    private static void AddNavigation(EdmEntitySet source, string name, EdmEntitySet target)
    {
        var property = ((EdmEntityType)source.EntityType()).AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
        {
            Name = name,
            Target = target.EntityType(),
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
