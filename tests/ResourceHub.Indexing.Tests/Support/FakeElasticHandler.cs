using System.Net;
using System.Text;

namespace ResourceHub.Indexing.Tests.Support;

/// <summary>
/// Stands in for an Elasticsearch node at the HTTP level: answers each request from a script and
/// records what was sent.
/// </summary>
public sealed class FakeElasticHandler : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, string, HttpResponseMessage>> _script = new();

    public List<(HttpMethod Method, string Path, string Body)> Requests { get; } = [];

    /// <summary>When the script is exhausted: answer this (default 200 "{}").</summary>
    public Func<HttpRequestMessage, string, HttpResponseMessage> Fallback { get; set; } = (_, _) => Json(HttpStatusCode.OK, "{}");

    public FakeElasticHandler Then(HttpStatusCode status, string body = "{}")
    {
        _script.Enqueue((_, _) => Json(status, body));
        return this;
    }

    public FakeElasticHandler Then(Func<HttpRequestMessage, string, HttpResponseMessage> answer)
    {
        _script.Enqueue(answer);
        return this;
    }

    /// <summary>An answer as a node gives it: JSON with the product header the official client checks for.</summary>
    public static HttpResponseMessage Json(HttpStatusCode status, string body)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        response.Headers.Add("X-Elastic-Product", "Elasticsearch");
        return response;
    }

    public HttpClient Client() => new(this) { BaseAddress = new Uri("http://es.test:9200/") };

    // The official client gzips request bodies, as a node accepts them.
    private static async Task<string> ReadAsync(HttpContent content, CancellationToken ct)
    {
        var bytes = await content.ReadAsByteArrayAsync(ct);
        if (!content.Headers.ContentEncoding.Contains("gzip"))
            return Encoding.UTF8.GetString(bytes);
        await using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return await reader.ReadToEndAsync(ct);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = request.Content is null ? "" : await ReadAsync(request.Content, ct);
        Requests.Add((request.Method, request.RequestUri!.PathAndQuery, body));
        var answer = _script.Count > 0 ? _script.Dequeue() : Fallback;
        return answer(request, body);
    }
}
