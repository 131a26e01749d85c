using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Core.Bulk;
using Elastic.Clients.Elasticsearch.Serialization;
using Elastic.Transport;
using Elastic.Transport.Products.Elasticsearch;
using HttpMethod = Elastic.Transport.HttpMethod;

namespace ResourceHub.Indexing.Elastic;

/// <summary>
/// The official client (Elastic.Clients.Elasticsearch) for the calls the adapter makes: typed search, count and bulk
/// requests, and for index administration (mapping, aliases, refresh, health) our JSON sent through the client's transport. Retries 429 and 502/503/504 and
/// connection failures a few times with backoff (honouring Retry-After); anything else surfaces as
/// <see cref="ElasticException"/>, 401/403 as <see cref="ElasticAuthException"/>.
/// </summary>
public sealed class ElasticConnection(ElasticsearchClient client, int maxRetries = 3, TimeSpan? retryBaseDelay = null)
{
    private readonly TimeSpan _baseDelay = retryBaseDelay ?? TimeSpan.FromMilliseconds(200);

    public ElasticsearchClient Client => client;

    /// <summary>
    /// Client settings for the configured cluster: basic auth when a user is set; sources written with relaxed escaping
    /// (the default escapes every Chinese character as \uXXXX, doubling the bulk body); no retries of the transport's own
    /// (ours below know 429 and Retry-After). <paramref name="handler"/> replaces the network (scripted peers in tests).
    /// </summary>
    public static ElasticsearchClientSettings Settings(SearchOptions options, HttpMessageHandler? handler = null)
    {
        var url = options.ElasticsearchUrl ?? throw new InvalidOperationException("ResourceHub:Search:ElasticsearchUrl is required when Provider=elasticsearch");
        var invoker = handler is null ? new HttpRequestInvoker() : new HttpRequestInvoker((_, _) => handler);
        var settings = new ElasticsearchClientSettings(new SingleNodePool(new Uri(url)), invoker,
            (_, s) => new DefaultSourceSerializer(s, o => o.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping), null);
        settings.RequestTimeout(TimeSpan.FromSeconds(30)).MaximumRetries(0).DisablePing().ResponseHeadersToParse(new HeadersList("Retry-After"));
        if (!string.IsNullOrEmpty(options.ElasticsearchUsername))
            settings.Authentication(new BasicAuthentication(options.ElasticsearchUsername, options.ElasticsearchPassword ?? ""));
        return settings;
    }

    public static ElasticConnection Create(SearchOptions options) => new(new ElasticsearchClient(Settings(options)));

    public Task<JsonNode> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.GET, path, null, ct);

    public Task<JsonNode> PostAsync(string path, JsonNode body, CancellationToken ct) => SendAsync(HttpMethod.POST, path, body, ct);

    public Task<JsonNode> PutAsync(string path, JsonNode body, CancellationToken ct) => SendAsync(HttpMethod.PUT, path, body, ct);

    public Task<JsonNode> DeleteAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.DELETE, path, null, ct);

    /// <summary>True when the path answers 200, false on 404.</summary>
    public async Task<bool> ExistsAsync(string path, CancellationToken ct)
    {
        try
        {
            await SendAsync(HttpMethod.GET, path, null, ct);
            return true;
        }
        catch (ElasticException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>One typed bulk request of index and delete operations; item failures are in the response.</summary>
    public Task<BulkResponse> BulkAsync(IEnumerable<IBulkOperation> operations, bool refresh, CancellationToken ct) =>
        WithRetriesAsync<BulkResponse>("_bulk", async () =>
        {
            var request = new BulkRequest { Operations = [.. operations] };
            if (refresh)
                request.Refresh = Refresh.True;
            var response = await client.BulkAsync(request, ct);
            return (response, response.ApiCallDetails, () => Error(response));
        }, ct);

    /// <summary>A typed search; sources come back as JSON objects (<see cref="ElasticDocuments.FromSource"/> reads them).</summary>
    public Task<SearchResponse<JsonObject>> SearchAsync(global::Elastic.Clients.Elasticsearch.SearchRequest request, CancellationToken ct) =>
        WithRetriesAsync<SearchResponse<JsonObject>>($"{request.Indices}/_search", async () =>
        {
            var response = await client.SearchAsync<JsonObject>(request, ct);
            return (response, response.ApiCallDetails, () => Error(response));
        }, ct);

    public async Task<long> CountAsync(global::Elastic.Clients.Elasticsearch.CountRequest request, CancellationToken ct) =>
        (await WithRetriesAsync<CountResponse>($"{request.Indices}/_count", async () =>
        {
            var response = await client.CountAsync(request, ct);
            return (response, response.ApiCallDetails, () => Error(response));
        }, ct)).Count;

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken ct)
    {
        var text = await WithRetriesAsync<string>(path, async () =>
        {
            var data = body is null ? null : PostData.String(body.ToJsonString(RelaxedJson));
            var response = await client.Transport.RequestAsync<StringResponse>(method, path, data!, null!, ct);
            var answer = response.Body ?? "";
            return (answer, response.ApiCallDetails, () => Error(answer));
        }, ct);
        return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
    }

    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task<T> WithRetriesAsync<T>(string path, Func<Task<(T Result, ApiCallDetails Call, Func<(string Type, string Reason)> Error)>> send,
        CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (result, call, error) = await send();
            if (call.HttpStatusCode is not { } status)
            {
                if (attempt < maxRetries)
                {
                    await Task.Delay(Delay(attempt, null), ct);
                    continue;
                }
                throw new SearchUnavailableException($"Elasticsearch unreachable at {call.Uri?.GetLeftPart(UriPartial.Authority)}: {call.OriginalException?.Message}",
                    call.OriginalException);
            }
            if (status is >= 200 and < 300)
                return result;
            if (status is 429 or 502 or 503 or 504 && attempt < maxRetries)
            {
                await Task.Delay(Delay(attempt, call), ct);
                continue;
            }
            var (type, reason) = error();
            if (status is 401 or 403)
                throw new ElasticAuthException(status, type, reason, path);
            throw new ElasticException(status, type, reason, path);
        }
    }

    private TimeSpan Delay(int attempt, ApiCallDetails? call)
    {
        if (call is not null && call.TryGetHeader("Retry-After", out var values) && TryRetryAfter(values.FirstOrDefault(), out var delta))
            return delta < TimeSpan.FromSeconds(5) ? delta : TimeSpan.FromSeconds(5);
        return _baseDelay * Math.Pow(2, attempt);
    }

    // Retry-After is whole seconds or an HTTP date.
    private static bool TryRetryAfter(string? value, out TimeSpan delta)
    {
        delta = default;
        if (value is null)
            return false;
        if (double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
            delta = TimeSpan.FromSeconds(seconds);
        else if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
            delta = at - DateTimeOffset.UtcNow;
        else
            return false;
        if (delta < TimeSpan.Zero)
            delta = TimeSpan.Zero;
        return true;
    }

    private static (string Type, string Reason) Error(ElasticsearchResponse response) =>
        response.ElasticsearchServerError?.Error is { } e
            ? (e.Type ?? "error", e.Reason ?? "")
            : ("error", response.ApiCallDetails.OriginalException?.Message ?? $"status {response.ApiCallDetails.HttpStatusCode}");

    private static (string Type, string Reason) Error(string body)
    {
        try
        {
            var error = JsonNode.Parse(body)?["error"];
            return error switch
            {
                JsonObject o => (o["type"]?.GetValue<string>() ?? "error", o["reason"]?.GetValue<string>() ?? body),
                JsonValue v => ("error", v.ToString()),
                _ => ("error", body),
            };
        }
        catch (JsonException)
        {
            return ("error", body.Length > 300 ? body[..300] : body);
        }
    }
}
