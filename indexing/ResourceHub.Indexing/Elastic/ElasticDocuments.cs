using Elastic.Clients.Elasticsearch;
using System.Globalization;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using System.Text.Json;
using System.Text.Json.Nodes;
using ResourceHub.Indexing.Documents;

namespace ResourceHub.Indexing.Elastic;

/// <summary>SearchDocument ↔ Elasticsearch _source, and bulk bodies. _id is the resource id.</summary>
public static class ElasticDocuments
{
    public static string Date(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Stored timestamps keep all 7 digits (ES indexes milliseconds but returns _source as sent), so a
    /// result row shown from _source matches the database.</summary>
    private static string ExactDate(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static JsonObject ToSource(SearchDocument d) => new()
    {
        ["id"] = d.Id.ToString("D"),
        ["title"] = d.Title,
        ["description"] = d.Description,
        ["content"] = d.Content.Length > 0 ? d.Content : null,
        ["kind"] = d.Kind,
        ["subject"] = d.Subject,
        ["stage"] = d.Stage,
        ["grade"] = d.Grade,
        ["topics"] = new JsonArray(d.Topics.Select(t => (JsonNode?)t).ToArray()),
        ["tags"] = new JsonArray(d.Tags.Select(t => (JsonNode?)t).ToArray()),
        ["code_names"] = new JsonArray(d.CodeNames.Select(t => (JsonNode?)t).ToArray()),
        ["status"] = d.Status,
        ["recommendation_level"] = d.RecommendationLevel,
        ["level_rank"] = RankingBoost.LevelRank(d.RecommendationLevel),
        ["quality_score"] = d.QualityScore,
        ["downloads"] = d.Downloads,
        ["rating"] = d.Rating,
        ["rating_count"] = d.RatingCount,
        ["owner_org"] = d.OwnerOrg,
        ["created_by"] = d.CreatedBy,
        ["created_at"] = ExactDate(d.CreatedAt),
        ["updated_at"] = ExactDate(d.UpdatedAt),
        ["version"] = d.Version,
        ["details"] = d.Details is null ? null : JsonSerializer.SerializeToNode(d.Details),
    };

    public static SearchDocument FromSource(JsonNode s) => new()
    {
        Id = Guid.Parse(s["id"]!.GetValue<string>()),
        Title = s["title"]?.GetValue<string>() ?? "",
        Description = s["description"]?.GetValue<string>() ?? "",
        Kind = s["kind"]?.GetValue<string>() ?? "",
        Subject = s["subject"]?.GetValue<string>() ?? "",
        Stage = s["stage"]?.GetValue<string>() ?? "",
        Grade = s["grade"]?.GetValue<string>(),
        Topics = Strings(s["topics"]),
        Tags = Strings(s["tags"]),
        CodeNames = Strings(s["code_names"]),
        Status = s["status"]?.GetValue<string>() ?? "",
        RecommendationLevel = s["recommendation_level"]?.GetValue<string>(),
        QualityScore = s["quality_score"]?.GetValue<double>(),
        Downloads = s["downloads"]?.GetValue<long>() ?? 0,
        Rating = s["rating"]?.GetValue<double>(),
        RatingCount = s["rating_count"]?.GetValue<int>() ?? 0,
        OwnerOrg = s["owner_org"]?.GetValue<string>() ?? "",
        CreatedBy = s["created_by"]?.GetValue<string>() ?? "",
        CreatedAt = ParseDate(s["created_at"]),
        UpdatedAt = ParseDate(s["updated_at"]),
        Version = s["version"]?.GetValue<long>() ?? 0,
        Details = s["details"]?.Deserialize<SearchDocumentDetails>(),
    };

    public static IReadOnlyList<IBulkOperation> BulkIndex(string index, IEnumerable<SearchDocument> documents) =>
        documents.Select(d => (IBulkOperation)new BulkIndexOperation<JsonObject>(ToSource(d)) { Index = index, Id = d.Id.ToString("D") }).ToList();

    public static IReadOnlyList<IBulkOperation> BulkDelete(string index, IEnumerable<Guid> ids) =>
        ids.Select(id => (IBulkOperation)new BulkDeleteOperation(id.ToString("D")) { Index = index }).ToList();

    /// <summary>Reads every item of a bulk response (in the order of <paramref name="operations"/>); a delete of a missing
    /// document (404 not_found) is a success.</summary>
    public static BulkResult ReadBulk(IReadOnlyList<IBulkOperation> operations, BulkResponse response)
    {
        var succeeded = 0;
        var failures = new List<BulkFailure>();
        foreach (var (item, i) in response.Items.Select((item, i) => (item, i)))
        {
            var delete = i < operations.Count && operations[i] is BulkDeleteOperation;
            if (item.Status is >= 200 and < 300 || (delete && item.Status == 404))
            {
                succeeded++;
                continue;
            }
            var reason = item.Error is { } e ? $"{e.Type}: {e.Reason}" : "unknown";
            failures.Add(new BulkFailure(Guid.TryParse(item.Id, out var id) ? id : Guid.Empty, item.Status, reason));
        }
        return new BulkResult(succeeded, failures);
    }

    private static List<string> Strings(JsonNode? node) =>
        node is JsonArray a ? a.Select(x => x!.GetValue<string>()).ToList() : [];

    private static DateTime ParseDate(JsonNode? node) =>
        node is null ? default : DateTime.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
