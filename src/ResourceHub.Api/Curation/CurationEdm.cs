using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using ResourceHub.Api.OData;

namespace ResourceHub.Api.Curation;

/// <summary>
/// Curation's part of the EDM: the Reviews, History, Nominations, Rubrics and Quotas sets, navigations
/// from Resources and Packages, and the bound operations (namespace ResourceHub) on both.
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
        var packages = (EdmEntitySet)container.FindEntitySet("Packages");
        var reviews = EdmModelFactory.AddSet(model, container, ReviewDefinition.Instance);
        var history = EdmModelFactory.AddSet(model, container, HistoryDefinition.Instance);
        var nominations = EdmModelFactory.AddSet(model, container, NominationDefinition.Instance);
        foreach (var set in new[] { resources, packages })
        {
            Navigate(set, Reviews, reviews, EdmMultiplicity.Many);
            Navigate(set, History, history, EdmMultiplicity.Many);
            Navigate(set, Nominations, nominations, EdmMultiplicity.Many);
        }
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
        var package = new EdmEntityTypeReference((EdmEntityType)packages.EntityType, false);
        var text = EdmCoreModel.Instance.GetString(false);
        var optionalText = EdmCoreModel.Instance.GetString(true);
        // Packages are curated by the same steps under the same names (Rate and Transfer are resources' only).
        foreach (var bound in new[] { resource, package })
        {
            AddAction(model, bound, Submit);
            AddAction(model, bound, Review,
                ("scores", new EdmCollectionTypeReference(new EdmCollectionType(new EdmComplexTypeReference(score, false)))),
                ("verdict", text), ("comment", optionalText));
            AddAction(model, bound, Nominate, ("level", text), ("reason", text));
            AddAction(model, bound, Recommend, ("level", text), ("reason", optionalText));
            AddAction(model, bound, Retire, ("reason", text));
            AddQueue(model, bound);
        }
        AddAction(model, resource, Rate, ("stars", EdmCoreModel.Instance.GetInt32(false)));
        AddAction(model, resource, Transfer, ("ownerOrg", text), ("reason", text));
    }

    /// <summary>Whether an operation is bound to a package or to the Packages collection.</summary>
    public static bool OnPackages(OperationSegment operation) =>
        operation.Operations.First().Parameters.First().Type.Definition.AsElementType() is IEdmEntityType { Name: "Package" };

    private static void AddQueue(EdmModel model, IEdmEntityTypeReference bound)
    {
        var collection = new EdmCollectionTypeReference(new EdmCollectionType(bound));
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
