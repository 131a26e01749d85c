using Microsoft.IO;
using Microsoft.OData;

namespace ResourceHub.Api.OData;

/// <summary>
/// ODL writes synchronously; Kestrel forbids synchronous I/O. So ODL writes into memory (one page
/// is at most a few hundred entities) and the bytes are copied to the response asynchronously.
/// The memory is pooled: a growing MemoryStream per response cost more than the rest of the writer.
/// </summary>
internal sealed class BufferedResponseMessage : IODataResponseMessage, IServiceCollectionProvider, IDisposable
{
    private static readonly RecyclableMemoryStreamManager Buffers = new();

    public IServiceProvider ServiceProvider => ODataServices.Container;

    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public MemoryStream Body { get; } = Buffers.GetStream();
    public IEnumerable<KeyValuePair<string, string>> Headers => _headers;
    public int StatusCode { get; set; } = 200;

    public string GetHeader(string headerName) => _headers.GetValueOrDefault(headerName)!;
    public void SetHeader(string headerName, string headerValue) => _headers[headerName] = headerValue;
    public Stream GetStream() => Body;

    public async Task CopyToAsync(HttpResponse response)
    {
        response.StatusCode = StatusCode;
        foreach (var (name, value) in _headers)
            response.Headers[name] = value;
        response.ContentLength = Body.Length;
        Body.Position = 0;
        await Body.CopyToAsync(response.Body, response.HttpContext.RequestAborted);
    }

    public void Dispose() => Body.Dispose();
}
