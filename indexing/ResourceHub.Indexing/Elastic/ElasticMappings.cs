using System.Text.Json.Nodes;
using ResourceHub.Indexing.Documents;

namespace ResourceHub.Indexing.Elastic;

/// <summary>
/// The explicit index definition. Codes are keywords (facet fields load global ordinals eagerly so
/// the first facet query after a refresh is not slow); Chinese text uses the configured analyzer
/// (built-in cjk by default) with a ".chars" sub-field on the standard analyzer, which indexes every
/// ideograph alone so one-character queries match, as in the FTS engine.
/// </summary>
public static class ElasticMappings
{
    public static JsonObject Create(string analyzer) => new()
    {
        ["settings"] = new JsonObject
        {
            ["number_of_shards"] = 1,
            ["max_result_window"] = 10000,
        },
        ["mappings"] = new JsonObject
        {
            ["dynamic"] = "strict",
            ["properties"] = Properties(analyzer),
        },
    };

    private static JsonObject Properties(string analyzer)
    {
        var properties = new JsonObject
        {
            ["id"] = new JsonObject { ["type"] = "keyword" },
            ["title"] = Text(analyzer, new JsonObject
            {
                ["raw"] = new JsonObject { ["type"] = "keyword", ["ignore_above"] = 512 },
                ["chars"] = new JsonObject { ["type"] = "text", ["analyzer"] = "standard" },
            }),
            ["description"] = Text(analyzer, new JsonObject { ["chars"] = new JsonObject { ["type"] = "text", ["analyzer"] = "standard" } }),
            ["code_names"] = Text(analyzer, new JsonObject { ["chars"] = new JsonObject { ["type"] = "text", ["analyzer"] = "standard" } }),
            ["level_rank"] = new JsonObject { ["type"] = "integer" },
            ["quality_score"] = new JsonObject { ["type"] = "double" },
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
                keyword["fields"] = new JsonObject { ["text"] = new JsonObject { ["type"] = "text", ["analyzer"] = analyzer } };
            properties[field.Column] = keyword;
        }
        return properties;
    }

    private static JsonObject Text(string analyzer, JsonObject fields) =>
        new() { ["type"] = "text", ["analyzer"] = analyzer, ["fields"] = fields };
}
