using ResourceHub.Api.OData;

namespace ResourceHub.Api.Resources;

/// <summary>What every file-like answer shares (a stored blob, a streamed ZIP): range support, no sniffing, the ETag, 304 and 416.</summary>
public static class FileAnswers
{
    /// <summary>Writes the common headers; true when If-None-Match names this ETag and a 304 has been set.</summary>
    public static bool AnsweredNotModified(HttpContext context, string eTag)
    {
        var response = context.Response;
        response.Headers.AcceptRanges = "bytes";
        // Browsers must take the type we send, never guess a script or a page from the bytes.
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ETag = eTag;
        if (context.Request.Headers.IfNoneMatch.ToString() is not { Length: > 0 } ifNoneMatch
            || !ifNoneMatch.Split(',', StringSplitOptions.TrimEntries).Any(t => t == "*" || Preconditions.Same(t, eTag)))
            return false;
        response.StatusCode = StatusCodes.Status304NotModified;
        return true;
    }

    public static ODataProblem RangeNotSatisfiable(long totalLength) =>
        new(StatusCodes.Status416RangeNotSatisfiable, "RangeNotSatisfiable",
            $"请求的范围超出文件大小 {totalLength} 字节 (range not satisfiable)", "Range")
        {
            Headers = { ["Content-Range"] = $"bytes */{totalLength}" },
        };
}
