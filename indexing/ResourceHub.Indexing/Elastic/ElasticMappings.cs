using System.Text.Json.Nodes;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Understanding;

namespace ResourceHub.Indexing.Elastic;

/// <summary>
/// The explicit index definition. Codes are keywords (facet fields load global ordinals eagerly so
/// the first facet query after a refresh is not slow); Chinese text uses the configured analyzer
/// (built-in cjk by default) with a ".chars" sub-field on the standard analyzer, which indexes every
/// ideograph alone so one-character queries match, as in the FTS engine. With the built-in cjk analyzer, queries are
/// analyzed by the same chain plus a synonym_graph filter fed by the domain synonym file (shipped list and the admins'
/// file as it was when the index was made; the query side applies the admins' current file anyway, see QueryUnderstanding).
/// </summary>
public static class ElasticMappings
{
    public const string SearchAnalyzer = "resourcehub_cjk_synonyms";

    /// <summary>Where the index keeps the hash of the definition it was made with (mappings._meta).</summary>
    public const string DefinitionHashKey = "definition_hash";

    public static JsonObject Create(string analyzer, SynonymSet? synonyms = null)
    {
        var settings = new JsonObject
        {
            ["number_of_shards"] = 1,
            ["max_result_window"] = 10000,
        };
        var withSynonyms = analyzer == "cjk";
        if (withSynonyms)
            settings["analysis"] = Analysis(synonyms ?? SynonymSet.Shipped);
        var mappings = new JsonObject
        {
            ["dynamic"] = "strict",
            ["properties"] = Properties(analyzer, withSynonyms ? SearchAnalyzer : null),
        };
        mappings["_meta"] = new JsonObject { [DefinitionHashKey] = Hash(settings, mappings) };
        return new JsonObject { ["settings"] = settings, ["mappings"] = mappings };
    }

    /// <summary>
    /// The hash of analysis settings (synonyms included) and mapping: an index made with another analyzer,
    /// synonym list or field set differs in it, and the indexer rebuilds it (ES cannot change these in place).
    /// </summary>
    public static string DefinitionHash(JsonObject definition) =>
        definition["mappings"]?["_meta"]?[DefinitionHashKey] is JsonValue value && value.TryGetValue<string>(out var hash) ? hash : "";

    private static string Hash(JsonObject settings, JsonObject mappings) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(settings.ToJsonString() + "\n" + mappings.ToJsonString())));

    /// <summary>The cjk analyzer's chain (standard, cjk_width, lowercase, cjk_bigram, English stop words) plus synonyms.</summary>
    private static JsonObject Analysis(SynonymSet synonyms) => new()
    {
        ["filter"] = new JsonObject
        {
            ["resourcehub_synonyms"] = new JsonObject
            {
                ["type"] = "synonym_graph",
                ["lenient"] = true,
                ["synonyms"] = new JsonArray(synonyms.Rules.Select(r => (JsonNode?)r).ToArray()),
            },
        },
        ["analyzer"] = new JsonObject
        {
            [SearchAnalyzer] = new JsonObject
            {
                ["type"] = "custom",
                ["tokenizer"] = "standard",
                ["filter"] = new JsonArray("cjk_width", "lowercase", "cjk_bigram", "stop", "resourcehub_synonyms"),
            },
        },
    };

    private static JsonObject Properties(string analyzer, string? searchAnalyzer)
    {
        JsonObject Text(JsonObject fields)
        {
            var text = new JsonObject { ["type"] = "text", ["analyzer"] = analyzer, ["fields"] = fields };
            if (searchAnalyzer is not null)
                text["search_analyzer"] = searchAnalyzer;
            return text;
        }

        var properties = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "keyword" },
            ["title"] = Text(new JsonObject
            {
                ["raw"] = new JsonObject { ["type"] = "keyword", ["ignore_above"] = 512 },
                ["chars"] = new JsonObject { ["type"] = "text", ["analyzer"] = "standard" },
            }),
            ["description"] = Text(new JsonObject { ["chars"] = new JsonObject { ["type"] = "text", ["analyzer"] = "standard" } }),
            ["code_names"] = Text(new JsonObject { ["chars"] = new JsonObject { ["type"] = "text", ["analyzer"] = "standard" } }),
            // The text inside the file (searched with the lowest weight; highlighted from _source, never returned in hits).
            ["content"] = Text(new JsonObject { ["chars"] = new JsonObject { ["type"] = "text", ["analyzer"] = "standard" } }),
            ["level_rank"] = new JsonObject { ["type"] = "integer" },
            ["quality_score"] = new JsonObject { ["type"] = "double" },
            ["downloads"] = new JsonObject { ["type"] = "long" },
            ["rating"] = new JsonObject { ["type"] = "double" },
            ["rating_count"] = new JsonObject { ["type"] = "integer", ["index"] = false },
            ["created_at"] = new JsonObject { ["type"] = "date" },
            ["updated_at"] = new JsonObject { ["type"] = "date" },
            ["version"] = new JsonObject { ["type"] = "long", ["index"] = false },
            // Kept in _source for result rows, never searched.
            ["details"] = new JsonObject { ["type"] = "object", ["enabled"] = false },
        };
        foreach (var field in SearchFields.All.Where(f => f.Type is Query.Model.FieldType.String or Query.Model.FieldType.StringCollection && f != SearchFields.Title))
        {
            var keyword = new JsonObject { ["type"] = "keyword" };
            if (field.Facet)
                keyword["eager_global_ordinals"] = true;
            if (field.Name == "Tags")
            {
                var text = new JsonObject { ["type"] = "text", ["analyzer"] = analyzer };
                if (searchAnalyzer is not null)
                    text["search_analyzer"] = searchAnalyzer;
                keyword["fields"] = new JsonObject { ["text"] = text };
            }
            properties[field.Column] = keyword;
        }
        return properties;
    }
}
