using Microsoft.OData.Edm;
using ResourceHub.Api.OData;

namespace ResourceHub.Api.Contests;

/// <summary>Contests' part of the EDM: the sets, Contests(id)/Entries and /Audit, and the operations bound to a contest.</summary>
public static class ContestEdm
{
    public const string Enter = "Enter";
    public const string Screen = "Screen";
    public const string Score = "Score";
    public const string Vote = "Vote";
    public const string Advance = "Advance";
    public const string Disqualify = "Disqualify";
    public const string Award = "Award";
    public const string NominateWinners = "NominateWinners";
    public const string Results = "Results";
    public const string FlaggedVotes = "FlaggedVotes";

    public const string Entries = "Entries";
    public const string Audit = "Audit";

    private const string Binding = "bindingParameter";

    public static void Extend(EdmModel model, EdmEntityContainer container)
    {
        var contests = EdmModelFactory.AddSet(model, container, ContestDefinition.Instance);
        var entries = EdmModelFactory.AddSet(model, container, ContestEntryDefinition.Instance);
        var results = EdmModelFactory.AddSet(model, container, ContestResultDefinition.Instance);
        var scores = EdmModelFactory.AddSet(model, container, ContestScoreDefinition.Instance);
        var events = EdmModelFactory.AddSet(model, container, ContestEventDefinition.Instance);
        var votes = EdmModelFactory.AddSet(model, container, ContestVoteDefinition.Instance);
        var nominations = EdmModelFactory.AddSet(model, container, WinnerNominationDefinition.Instance);
        Navigate(contests, Entries, entries);
        Navigate(contests, Audit, events);

        var contest = new EdmEntityTypeReference(contests.EntityType, false);
        var id = EdmCoreModel.Instance.GetGuid(false);
        var optionalId = EdmCoreModel.Instance.GetGuid(true);
        var text = EdmCoreModel.Instance.GetString(false);
        var optionalText = EdmCoreModel.Instance.GetString(true);
        var score = (IEdmComplexType)model.FindDeclaredType($"{EdmModelFactory.Namespace}.CriterionScore");
        AddAction(model, contest, Enter, Entity(entries), ("resourceId", id));
        AddAction(model, contest, Screen, Entity(entries), ("entryId", id), ("eligible", EdmCoreModel.Instance.GetBoolean(false)),
            ("reason", optionalText));
        AddAction(model, contest, Score, Entity(scores), ("entryId", id),
            ("scores", new EdmCollectionTypeReference(new EdmCollectionType(new EdmComplexTypeReference(score, false)))),
            ("comment", optionalText));
        AddAction(model, contest, Vote, Entity(votes), ("entryId", id));
        AddAction(model, contest, Advance, contest, ("reason", optionalText));
        AddAction(model, contest, Disqualify, Entity(entries), ("entryId", id), ("reason", text));
        AddAction(model, contest, Award, Collection(results), ("entryId", optionalId), ("level", optionalText), ("reason", optionalText));
        AddAction(model, contest, NominateWinners, Collection(nominations), ("level", text), ("reason", text));
        AddFunction(model, contest, Results, Collection(results));
        AddFunction(model, contest, FlaggedVotes, Collection(votes));
    }

    private static EdmEntityTypeReference Entity(EdmEntitySet set) => new(set.EntityType, false);

    private static EdmCollectionTypeReference Collection(EdmEntitySet set) => new(new EdmCollectionType(Entity(set)));

    private static void Navigate(EdmEntitySet from, string name, EdmEntitySet to)
    {
        var nav = ((EdmEntityType)from.EntityType).AddUnidirectionalNavigation(new EdmNavigationPropertyInfo
        {
            Name = name, Target = to.EntityType, TargetMultiplicity = EdmMultiplicity.Many,
        });
        from.AddNavigationTarget(nav, to);
    }

    private static void AddAction(EdmModel model, IEdmEntityTypeReference contest, string name, IEdmTypeReference returns,
        params (string Name, IEdmTypeReference Type)[] parameters)
    {
        var action = new EdmAction(EdmModelFactory.Namespace, name, returns, isBound: true, entitySetPathExpression: null);
        action.AddParameter(Binding, contest);
        foreach (var (p, type) in parameters)
            action.AddParameter(p, type);
        model.AddElement(action);
    }

    private static void AddFunction(EdmModel model, IEdmEntityTypeReference contest, string name, IEdmTypeReference returns)
    {
        var function = new EdmFunction(EdmModelFactory.Namespace, name, returns, isBound: true, entitySetPathExpression: null,
            isComposable: false);
        function.AddParameter(Binding, contest);
        model.AddElement(function);
    }
}
