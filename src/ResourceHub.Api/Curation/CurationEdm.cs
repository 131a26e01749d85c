using Microsoft.OData.Edm;
using ResourceHub.Api.OData;

namespace ResourceHub.Api.Curation;

/// <summary>
/// Curation's part of the EDM: the Reviews, History, Nominations, Rubrics and Quotas sets, navigations
/// from Resources, and the bound operations (namespace ResourceHub).
/// </summary>
public static class CurationEdm
{
    public const string Submit = "Submit";
    public const string Review = "Review";
    public const string Nominate = "Nominate";
    public const string Recommend = "Recommend";
    public const string Retire = "Retire";
    public const string Rate = "Rate";
    public const string Transfer = "Transfer";
    public const string ReviewQueue = "ReviewQueue";

    public const string Reviews = "Reviews";
    public const string History = "History";
    public const string Nominations = "Nominations";
    public const string Stats = "Stats";
    public const string Criteria = "Criteria";
    public const string Revision = "Revision";

    private const string Binding = "bindingParameter";

    public static void Extend(EdmModel model, EdmEntityContainer container)
    {
        var resources = (EdmEntitySet)container.FindEntitySet("Resources");
        var resourceType = (EdmEntityType)resources.EntityType;
        Navigate(resources, Reviews, EdmModelFactory.AddSet(model, container, ReviewDefinition.Instance), EdmMultiplicity.Many);
        Navigate(resources, History, EdmModelFactory.AddSet(model, container, HistoryDefinition.Instance), EdmMultiplicity.Many);
        Navigate(resources, Nominations, EdmModelFactory.AddSet(model, container, NominationDefinition.Instance), EdmMultiplicity.Many);
        Navigate(resources, Stats, EdmModelFactory.AddSet(model, container, ResourceStatsDefinition.Instance), EdmMultiplicity.ZeroOrOne);
        Navigate(resources, Revision, resources, EdmMultiplicity.ZeroOrOne);
        var rubrics = EdmModelFactory.AddSet(model, container, RubricDefinition.Instance);
        Navigate(rubrics, Criteria, EdmModelFactory.AddSet(model, container, RubricCriterionDefinition.Instance), EdmMultiplicity.Many);
        EdmModelFactory.AddSet(model, container, QuotaDefinition.Instance);

        var score = new EdmComplexType(EdmModelFactory.Namespace, "CriterionScore");
        score.AddStructuralProperty("Criterion", EdmPrimitiveTypeKind.String, false);
        score.AddStructuralProperty("Points", EdmPrimitiveTypeKind.Double, false);
        model.AddElement(score);

        var resource = new EdmEntityTypeReference(resourceType, false);
        var text = EdmCoreModel.Instance.GetString(false);
        var optionalText = EdmCoreModel.Instance.GetString(true);
        AddAction(model, resource, Submit);
        AddAction(model, resource, Review,
            ("scores", new EdmCollectionTypeReference(new EdmCollectionType(new EdmComplexTypeReference(score, false)))),
            ("verdict", text), ("comment", optionalText));
        AddAction(model, resource, Nominate, ("level", text), ("reason", text));
        AddAction(model, resource, Recommend, ("level", text), ("reason", optionalText));
        AddAction(model, resource, Retire, ("reason", text));
        AddAction(model, resource, Rate, ("stars", EdmCoreModel.Instance.GetInt32(false)));
        AddAction(model, resource, Transfer, ("ownerOrg", text), ("reason", text));

        var collection = new EdmCollectionTypeReference(new EdmCollectionType(resource));
        var queue = new EdmFunction(EdmModelFactory.Namespace, ReviewQueue, collection, isBound: true,
            entitySetPathExpression: new EdmPathExpression(Binding), isComposable: false);
        queue.AddParameter(Binding, collection);
        model.AddElement(queue);
    }

    private static void Navigate(EdmEntitySet from, string name, EdmEntitySet to, EdmMultiplicity multiplicity)
    {
        var nav = ((EdmEntityType)from.EntityType).AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
        {
            Name = name, Target = to.EntityType, TargetMultiplicity = multiplicity,
        });
        from.AddNavigationTarget(nav, to);
    }

    private static void AddAction(EdmModel model, IEdmEntityTypeReference resource, string name,
        params (string Name, IEdmTypeReference Type)[] parameters)
    {
        var action = new EdmAction(EdmModelFactory.Namespace, name, resource, isBound: true,
            entitySetPathExpression: new EdmPathExpression(Binding));
        action.AddParameter(Binding, resource);
        foreach (var (p, type) in parameters)
            action.AddParameter(p, type);
        model.AddElement(action);
    }
}
