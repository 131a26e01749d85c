using System.Text.Json;
using ResourceHub.Api.Limits;
using ResourceHub.Blobs;

namespace ResourceHub.Api.OData;

/// <summary>
/// The one reader of JSON request bodies (entity payloads, action parameters, $batch). The size
/// limit holds while reading (a chunked body has no Content-Length to check), nesting is bounded,
/// and every name and string must be valid Unicode, so later GetString calls cannot fail.
/// </summary>
public static class JsonPayload
{
    public const int MaxDepth = 32;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    public static async Task<JsonDocument> ReadAsync(HttpRequest request, long maxBytes)
    {
        if (request.ContentLength > maxBytes)
            throw TooLarge(maxBytes);
        var body = new LimitedReadStream(request.Body, maxBytes, () => TooLarge(maxBytes));
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(body, Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException e)
        {
            throw ODataProblem.BadRequest($"请求体不是有效的 JSON (malformed JSON: {e.Message})");
        }
        if (InvalidText(doc.RootElement, "") is { } path)
        {
            doc.Dispose();
            throw ODataProblem.BadRequest(
                $"请求体中的文本含有无效字符（孤立的代理项或无效的 UTF-8）(a JSON string at '{path}' is not valid Unicode)",
                path.Length == 0 ? null : path);
        }
        return doc;
    }

    public static ODataProblem TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge",
            $"请求体过大，上限为 {maxBytes} 字节 (the request body is limited to {maxBytes} bytes)");

    /// <summary>The path of the first name or string that does not decode to valid UTF-16, or null.</summary>
    private static string? InvalidText(JsonElement e, string path)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                return Decodes(() => e.GetString()) ? null : path;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray())
                    if (InvalidText(item, $"{path}[{i++}]") is { } bad)
                        return bad;
                return null;
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject())
                {
                    if (!Decodes(() => p.Name))
                        return path;
                    if (InvalidText(p.Value, path.Length == 0 ? p.Name : $"{path}.{p.Name}") is { } bad)
                        return bad;
                }
                return null;
            default:
                return null;
        }
    }

    private static bool Decodes(Func<string?> read)
    {
        try
        {
            read();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
