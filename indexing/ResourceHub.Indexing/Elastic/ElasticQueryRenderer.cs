using System.Text.Json;
using System.Text.Json.Nodes;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Text;
using ResourceHub.Indexing.Understanding;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Elastic;

/// <summary>
/// Renders search requests to Elasticsearch request bodies. The user's text arrives understood
/// (<see cref="StructuredQuery"/>) and only ever goes into match queries as plain text, never into a query syntax:
/// each concept is a dis_max of its terms (multi_match phrases over weighted fields; Latin words fuzzy), the counted
/// concepts a bool.should with minimum_should_match, concept words term boosts. Filters and visibility go to
/// bool.filter; facet selections to post_filter so each facet's own aggregation can ignore its selection; paging
/// uses search_after, never from+size.
/// </summary>
public sealed class ElasticQueryRenderer(RankingBoost boost, QueryUnderstanding? understanding = null)
{
    private readonly QueryUnderstanding _understanding = understanding ?? QueryUnderstanding.Default;

    /// <summary>How much a concept word's matching code adds (Kind = micro-lesson for 微课), next to a concept's weight of about 1.</summary>
    public const double CodeBoost = 0.5;

    public StructuredQuery Understand(SearchRequest request) => _understanding.Understand(request.Query.Search);

    // Title counts three times the description, tags and code names twice (FTS: bm25 weights 10/4/1).
    private static readonly string[] TextFields = ["title^3", "code_names^2", "tags.text^2", "description"];
    // One ideograph: the bigram fields cannot match it, the per-character sub-fields can.
    private static readonly string[] CharFields = ["title.chars^3", "code_names.chars^2", "description.chars"];

    public JsonObject Search(SearchRequest request) => Search(request, Understand(request));

    /// <summary>The body for an already understood (perhaps typo-corrected) text.</summary>
    public JsonObject Search(SearchRequest request, StructuredQuery text)
    {
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
    public JsonObject Count(SearchRequest request) => Count(request, Understand(request));

    public JsonObject Count(SearchRequest request, StructuredQuery text)
    {
        var query = Query(request, text);
        var selections = Selections(request, except: null);
        if (selections.Count > 0)
            query = ElasticFilterRenderer.Bool("filter", [query, .. selections]);
        return new JsonObject { ["query"] = query };
    }

    /// <summary>For _count: the visible documents one term (as a concept alone) finds, for typo correction.</summary>
    public JsonObject TermCount(string term, Domain.Access.VisibilityScope scope) => new()
    {
        ["query"] = new JsonObject
        {
            ["bool"] = new JsonObject
            {
                ["filter"] = new JsonArray(ElasticFilterRenderer.Visibility(scope)),
                ["must"] = new JsonArray(ConceptClause(new Concept(term, [term], ConceptRole.Topic))),
            },
        },
    };

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

    private JsonObject Query(SearchRequest request, StructuredQuery text)
    {
        var filters = new JsonArray(ElasticFilterRenderer.Visibility(request.Scope), ElasticFilterRenderer.Render(request.Query.Filter));
        if (text.IsEmpty)
            return new JsonObject { ["bool"] = new JsonObject { ["filter"] = filters } };
        // score × (1 + w·level_rank + v·quality): functions summed, then multiplied into the text score.
        return new JsonObject
        {
            ["function_score"] = new JsonObject
            {
                ["query"] = new JsonObject { ["bool"] = TextBool(text, filters) },
                ["functions"] = new JsonArray(
                    new JsonObject { ["weight"] = 1 },
                    FieldFactor("level_rank", boost.LevelWeight),
                    FieldFactor("quality_score", boost.QualityWeight)),
                ["score_mode"] = "sum",
                ["boost_mode"] = "multiply",
            },
        };
    }

    /// <summary>
    /// must: the counted concepts (minimum_should_match of them) and every quoted phrase; should: the optional concepts
    /// and the codes concept words point at (boosts only); must_not: the excluded words.
    /// </summary>
    private static JsonObject TextBool(StructuredQuery text, JsonArray filters)
    {
        var must = new JsonArray();
        if (text.Counted.Count > 0)
            must.Add(new JsonObject
            {
                ["bool"] = new JsonObject
                {
                    ["should"] = new JsonArray(text.Counted.Select(c => (JsonNode?)ConceptClause(c)).ToArray()),
                    ["minimum_should_match"] = text.MinimumShouldMatch,
                },
            });
        foreach (var phrase in text.Mandatory)
            must.Add(ConceptClause(phrase));
        var should = new JsonArray(text.Optional.Select(c => (JsonNode?)ConceptClause(c))
            .Concat(text.Boosts.Select(b => (JsonNode?)CodeClause(b))).ToArray());
        var result = new JsonObject { ["must"] = must, ["filter"] = filters };
        if (should.Count > 0)
            result["should"] = should;
        if (text.Excluded.Count > 0)
            result["must_not"] = new JsonArray(text.Excluded.Select(w => (JsonNode?)TermClause(w, fuzzy: false)).ToArray());
        return result;
    }

    /// <summary>A concept: the best of its terms (dis_max, so synonyms do not add up); a relaxed one needs MinimumTerms of them.</summary>
    private static JsonObject ConceptClause(Concept c)
    {
        var terms = c.Terms.Select(t => (JsonNode?)TermClause(t, fuzzy: c.IsLatin && c.Role == ConceptRole.Topic)).ToArray();
        if (c.MinimumTerms > 1)
            return new JsonObject { ["bool"] = new JsonObject { ["should"] = new JsonArray(terms), ["minimum_should_match"] = c.MinimumTerms, ["boost"] = Round(c.Weight) } };
        return new JsonObject { ["dis_max"] = new JsonObject { ["queries"] = new JsonArray(terms), ["boost"] = Round(c.Weight) } };
    }

    /// <summary>One term as a phrase over the weighted fields; one ideograph on the per-character fields; a Latin word fuzzily.</summary>
    private static JsonObject TermClause(string term, bool fuzzy)
    {
        var runes = term.EnumerateRunes().ToList();
        var single = runes.Count == 1 && CjkTokenizer.IsCjk(runes[0]);
        var match = new JsonObject
        {
            ["query"] = term,
            ["fields"] = new JsonArray((single ? CharFields : TextFields).Select(f => (JsonNode?)f).ToArray()),
        };
        if (fuzzy && !term.Contains(' ') && term.Any(char.IsAsciiLetter))
        {
            match["operator"] = "and";
            match["fuzziness"] = "AUTO";
            match["prefix_length"] = 1;
        }
        else
            match["type"] = "phrase";
        return new JsonObject { ["multi_match"] = match };
    }

    private static JsonObject CodeClause(FieldBoost b) => new()
    {
        ["term"] = new JsonObject { [SearchFields.Get(b.Field).Column] = new JsonObject { ["value"] = b.Code, ["boost"] = CodeBoost } },
    };

    private static double Round(double weight) => Math.Round(weight, 3);

    private static JsonObject FieldFactor(string field, double factor) => new()
    {
        ["field_value_factor"] = new JsonObject { ["field"] = field, ["factor"] = factor, ["missing"] = 0 },
    };

    // Nulls sort as the smallest value, as in the FTS engine.
    private static JsonArray Sort(SearchRequest request, StructuredQuery text) =>
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

    private static JsonObject Highlight(StructuredQuery text)
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
