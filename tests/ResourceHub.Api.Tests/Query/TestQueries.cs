using Microsoft.OData.Edm;
using ResourceHub.Api.OData;
using ResourceHub.Query.Model;
using ResourceHub.Query.OData;

namespace ResourceHub.Api.Tests.Query;

/// <summary>Translates OData query text for a set exactly as the router does (same EDM, same resolver).</summary>
public static class TestQueries
{
    public static readonly IEdmModel Model = EdmModelFactory.Create();

    /// <summary>An $apply request as the router reads it: entity options first, then the groups' options.</summary>
    public static (EntityQuery Rows, ApplyQuery Groups) TranslateApply(string set, string queryString, QuerySchema schema)
    {
        var root = new Uri("http://localhost/odata/");
        var parser = ODataRouter.CreateParser(Model, root, new Uri(root, set + "?" + queryString));
        parser.ParsePath();
        var pairs = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))).ToList();
        var rows = ODataQueryTranslator.Translate(parser, schema,
            pairs.Where(p => !ODataApplyTranslator.GroupOptions.Contains(p.Key.TrimStart('$'), StringComparer.OrdinalIgnoreCase)));
        return (rows, ODataApplyTranslator.Translate(parser, schema, pairs));
    }

    public static EntityQuery Translate(string set, string queryString, QuerySchema schema)
    {
        var root = new Uri("http://localhost/odata/");
        var parser = ODataRouter.CreateParser(Model, root, new Uri(root, set + "?" + queryString));
        parser.ParsePath();
        var pairs = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(queryString)
            .SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)));
        return ODataQueryTranslator.Translate(parser, schema, pairs);
    }
}
