namespace ResourceHub.Indexing.Elastic;

/// <summary>Elasticsearch answered with an error (after retries for 429/5xx).</summary>
public class ElasticException(int status, string type, string reason, string path)
    : SearchUnavailableException($"Elasticsearch {path} failed with {status} {type}: {reason}")
{
    public int Status { get; } = status;
    public string Type { get; } = type;
}

/// <summary>401/403: the credentials are wrong or lack a privilege; retrying will not help.</summary>
public sealed class ElasticAuthException(int status, string type, string reason, string path)
    : ElasticException(status, type,
        $"{reason} — check ResourceHub:Search:ElasticsearchUsername and ResourceHub:Search:ElasticsearchPassword and the user's index privileges", path);
