using System.Text.Json;
using System.Text.Json.Nodes;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Text;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Elastic;

/// <summary>
/// Renders search requests to Elasticsearch request bodies. User text only ever goes through
/// simple_query_string (never query_string, whose syntax errors and regex/fuzzy power users could
/// abuse); filters and visibility go to bool.filter; facet selections to post_filter so each
/// facet's own aggregation can ignore its selection; paging uses search_after, never from+size.
/// </summary>
public sealed class ElasticQueryRenderer(RankingBoost boost)
{
    // Title counts three times the description, tags and code names twice (FTS: bm25 weights 10/4/1).
    private static readonly string[] TextFields = ["title^3", "code_names^2", "tags.text^2", "description"];
    // One ideograph: the bigram fields cannot match it, the per-character sub-fields can.
    private static readonly string[] CharFields = ["title.chars^3", "code_names.chars^2", "description.chars"];

    public JsonObject Search(SearchRequest request)
    {
        var text = UserQuery.Parse(request.Query.Search);
        var body = new JsonObject
        {
            ["size"] = request.PageSize,
            ["track_total_hits"] = request.Query.Count,
            ["query"] = Query(request, text),
            ["sort"] = Sort(request, text),
        };
        if (request.Query.After is { } after)
            body["search_after"] = new JsonArray(after.Values.Select(ToNode).ToArray());
        var selections = Selections(request, except: null);
        if (selections.Count > 0)
            body["post_filter"] = ElasticFilterRenderer.Bool("filter", selections.ToArray());
        if (request.Facets is { Fields.Count: > 0 } facets)
            body["aggs"] = Aggregations(request, facets);
        if (!text.IsEmpty)
            body["highlight"] = Highlight(text);
        return body;
    }

    /// <summary>For _count: the same query with facet selections folded into the filter.</summary>
    public JsonObject Count(SearchRequest request)
    {
        var query = Query(request, UserQuery.Parse(request.Query.Search));
        var selections = Selections(request, except: null);
        if (selections.Count > 0)
            query = ElasticFilterRenderer.Bool("filter", [query, .. selections]);
        return new JsonObject { ["query"] = query };
    }

    public static JsonObject Suggest(SuggestRequest request)
    {
        var prefix = request.Prefix.Trim();
        return new JsonObject
        {
            ["size"] = Math.Clamp(request.Size, 1, 50),
            ["_source"] = new JsonArray("id", "title"),
            ["query"] = new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["filter"] = new JsonArray(ElasticFilterRenderer.Visibility(request.Scope)),
                    ["should"] = new JsonArray(
                        new JsonObject { ["prefix"] = new JsonObject { ["title.raw"] = new JsonObject { ["value"] = prefix, ["case_insensitive"] = true, ["boost"] = 3 } } },
                        new JsonObject { ["match_phrase_prefix"] = new JsonObject { ["title.chars"] = new JsonObject { ["query"] = prefix } } }),
                    ["minimum_should_match"] = 1,
                },
            },
            ["sort"] = new JsonArray("_score", new JsonObject { ["level_rank"] = "desc" }, new JsonObject { ["id"] = "asc" }),
        };
    }

    private JsonObject Query(SearchRequest request, UserQuery text)
    {
        var filters = new JsonArray(ElasticFilterRenderer.Visibility(request.Scope), ElasticFilterRenderer.Render(request.Query.Filter));
        if (text.IsEmpty)
            return new JsonObject { ["bool"] = new JsonObject { ["filter"] = filters } };
        var match = new JsonObject
        {
            ["simple_query_string"] = new JsonObject
            {
                ["query"] = text.ToSimpleQueryString(),
                ["fields"] = new JsonArray((text.IsSingleCjkCharacter ? CharFields : TextFields).Select(f => (JsonNode?)f).ToArray()),
                ["default_operator"] = "and",
                ["flags"] = "NOT|WHITESPACE",
            },
        };
        // score × (1 + w·level_rank + v·quality): functions summed, then multiplied into the text score.
        return new JsonObject
        {
            ["function_score"] = new JsonObject
            {
                ["query"] = new JsonObject { ["bool"] = new JsonObject { ["must"] = new JsonArray(match), ["filter"] = filters } },
                ["functions"] = new JsonArray(
                    new JsonObject { ["weight"] = 1 },
                    FieldFactor("level_rank", boost.LevelWeight),
                    FieldFactor("quality_score", boost.QualityWeight)),
                ["score_mode"] = "sum",
                ["boost_mode"] = "multiply",
            },
        };
    }

    private static JsonObject FieldFactor(string field, double factor) => new()
    {
        ["field_value_factor"] = new JsonObject { ["field"] = field, ["factor"] = factor, ["missing"] = 0 },
    };

    // Nulls sort as the smallest value, as in the FTS engine.
    private static JsonArray Sort(SearchRequest request, UserQuery text) =>
        new(SortKeys.For(request, text).Select(k => (JsonNode?)(k.Field switch
        {
            null => new JsonObject { ["_score"] = "desc" },
            var f when f == SearchFields.Id => new JsonObject { ["id"] = k.Descending ? "desc" : "asc" },
            var f => new JsonObject
            {
                [f == SearchFields.Title ? "title.raw" : f.Column] = new JsonObject { ["order"] = k.Descending ? "desc" : "asc", ["missing"] = k.Descending ? "_last" : "_first" },
            },
        })).ToArray());

    private static List<JsonObject> Selections(SearchRequest request, SearchField? except) =>
        SortKeys.Selections(request, except).Select(s => ElasticFilterRenderer.Selection(s.Field, s.Values)).ToList();

    private static JsonObject Aggregations(SearchRequest request, FacetRequest facets)
    {
        var aggs = new JsonObject();
        foreach (var name in facets.Fields)
        {
            var field = SearchFields.Facet(name);
            var others = Selections(request, except: field);
            aggs[field.Name] = new JsonObject
            {
                ["filter"] = others.Count == 0 ? ElasticFilterRenderer.MatchAll() : ElasticFilterRenderer.Bool("filter", others.ToArray()),
                ["aggs"] = new JsonObject
                {
                    ["values"] = new JsonObject
                    {
                        ["terms"] = new JsonObject { ["field"] = field.Column, ["size"] = facets.Size, ["order"] = new JsonArray(new JsonObject { ["_count"] = "desc" }, new JsonObject { ["_key"] = "asc" }) },
                    },
                },
            };
        }
        return aggs;
    }

    private static JsonObject Highlight(UserQuery text)
    {
        var suffix = text.IsSingleCjkCharacter ? ".chars" : "";
        return new JsonObject
        {
            // Placeholders, not <em>: ES returns the text unescaped, so the API escapes it and then adds the marks.
            ["pre_tags"] = new JsonArray(Highlighter.EnginePre),
            ["post_tags"] = new JsonArray(Highlighter.EnginePost),
            ["fields"] = new JsonObject
            {
                ["title" + suffix] = new JsonObject { ["number_of_fragments"] = 0 },
                ["description" + suffix] = new JsonObject { ["fragment_size"] = 160, ["number_of_fragments"] = 1 },
            },
        };
    }

    private static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonElement e => JsonNode.Parse(e.GetRawText()),
        JsonNode n => n.DeepClone(),
        string s => s,
        double d => d,
        long l => l,
        int i => i,
        _ => JsonValue.Create(value.ToString()),
    };
}
