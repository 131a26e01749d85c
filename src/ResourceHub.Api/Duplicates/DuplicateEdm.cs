using Microsoft.OData.Edm;
using ResourceHub.Api.OData;

namespace ResourceHub.Api.Duplicates;

/// <summary>Duplicates' part of the EDM: the Duplicates set and Resources(id)/Duplicates.</summary>
public static class DuplicateEdm
{
    public const string Duplicates = "Duplicates";
    public const string Merge = "Merge";
    public const string DuplicateParameter = "Duplicate";

    public static void Extend(EdmModel model, EdmEntityContainer container)
    {
        var resources = (EdmEntitySet)container.FindEntitySet("Resources");
        var duplicates = EdmModelFactory.AddSet(model, container, DuplicateDefinition.Instance);
        var nav = ((EdmEntityType)resources.EntityType).AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
        {
            Name = Duplicates, Target = duplicates.EntityType, TargetMultiplicity = EdmMultiplicity.Many,
        });
        resources.AddNavigationTarget(nav, duplicates);

        // Resources(keepId)/Merge {"Duplicate": id}: the admin's merge, answering with the kept resource.
        var resource = new EdmEntityTypeReference(resources.EntityType, false);
        var merge = new EdmAction(EdmModelFactory.Namespace, Merge, resource, isBound: true, entitySetPathExpression: new EdmPathExpression("bindingParameter"));
        merge.AddParameter("bindingParameter", resource);
        merge.AddParameter(DuplicateParameter, EdmCoreModel.Instance.GetGuid(false));
        model.AddElement(merge);
    }
}
