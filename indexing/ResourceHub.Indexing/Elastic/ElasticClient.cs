using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ResourceHub.Indexing.Elastic;

/// <summary>
/// The few Elasticsearch 8 REST calls the adapter needs, typed over HttpClient. Retries 429 and
/// 502/503/504 and connection failures a few times with backoff (honouring Retry-After); anything
/// else surfaces as <see cref="ElasticException"/>, 401/403 as <see cref="ElasticAuthException"/>.
/// </summary>
public sealed class ElasticClient(HttpClient http, int maxRetries = 3, TimeSpan? retryBaseDelay = null)
{
    private readonly TimeSpan _baseDelay = retryBaseDelay ?? TimeSpan.FromMilliseconds(200);

    /// <summary>An HttpClient for the configured cluster, with basic auth when a user is set.</summary>
    public static HttpClient CreateHttpClient(SearchOptions options)
    {
        var url = options.ElasticsearchUrl ?? throw new InvalidOperationException("ResourceHub:Search:ElasticsearchUrl is required when Provider=elasticsearch");
        var http = new HttpClient { BaseAddress = new Uri(url.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        if (!string.IsNullOrEmpty(options.Username))
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}")));
        return http;
    }

    public Task<JsonNode> GetAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Get, path, null, ct);

    public Task<JsonNode> PostAsync(string path, JsonNode body, CancellationToken ct) => SendAsync(HttpMethod.Post, path, Json(body), ct);

    public Task<JsonNode> PutAsync(string path, JsonNode body, CancellationToken ct) => SendAsync(HttpMethod.Put, path, Json(body), ct);

    public Task<JsonNode> DeleteAsync(string path, CancellationToken ct) => SendAsync(HttpMethod.Delete, path, null, ct);

    /// <summary>True when the path answers 200, false on 404.</summary>
    public async Task<bool> ExistsAsync(string path, CancellationToken ct)
    {
        try
        {
            await SendAsync(HttpMethod.Get, path, null, ct);
            return true;
        }
        catch (ElasticException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>POST an NDJSON bulk body to path ("_bulk" or "_bulk?refresh=true").</summary>
    public Task<JsonNode> BulkAsync(string ndjson, string path, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, path, () => new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"), ct);

    private static Func<HttpContent> Json(JsonNode body)
    {
        var text = body.ToJsonString();
        return () => new StringContent(text, Encoding.UTF8, "application/json");
    }

    private async Task<JsonNode> SendAsync(HttpMethod method, string path, Func<HttpContent>? content, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(method, path) { Content = content?.Invoke() };
                response = await http.SendAsync(request, ct);
            }
            catch (HttpRequestException) when (attempt < maxRetries)
            {
                await Task.Delay(Delay(attempt, null), ct);
                continue;
            }
            catch (HttpRequestException e)
            {
                throw new SearchUnavailableException($"Elasticsearch unreachable at {http.BaseAddress}: {e.Message}", e);
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (IsTransient(response.StatusCode) && attempt < maxRetries)
                {
                    await Task.Delay(Delay(attempt, response.Headers.RetryAfter), ct);
                    continue;
                }
                var text = await response.Content.ReadAsStringAsync(ct);
                if (response.IsSuccessStatusCode)
                    return JsonNode.Parse(text.Length == 0 ? "{}" : text)!;
                var (type, reason) = Error(text);
                if (status is 401 or 403)
                    throw new ElasticAuthException(status, type, reason, path);
                throw new ElasticException(status, type, reason, path);
            }
        }
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private TimeSpan Delay(int attempt, RetryConditionHeaderValue? retryAfter)
    {
        if (retryAfter?.Delta is { } delta)
            return delta < TimeSpan.FromSeconds(5) ? delta : TimeSpan.FromSeconds(5);
        return _baseDelay * Math.Pow(2, attempt);
    }

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
