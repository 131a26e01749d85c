namespace ResourceHub.Indexing.Tests.Support;

/// <summary>Whether a real Elasticsearch 9 is available (ES_URL, optional ES_USER/ES_PASSWORD).</summary>
public static class ElasticEnvironment
{
    public static string? Url => Environment.GetEnvironmentVariable("ES_URL") is { Length: > 0 } url ? url : null;

    public static string? SkipReason =>
        Url is null ? "Elasticsearch conformance skipped: ES_URL is not set (e.g. ES_URL=http://127.0.0.1:9200)" : null;

    public static SearchOptions Options(string indexName) => new()
    {
        Provider = SearchOptions.Elasticsearch,
        ElasticsearchUrl = Url,
        IndexName = indexName,
        ElasticsearchUsername = Environment.GetEnvironmentVariable("ES_USER"),
        ElasticsearchPassword = Environment.GetEnvironmentVariable("ES_PASSWORD"),
    };
}
