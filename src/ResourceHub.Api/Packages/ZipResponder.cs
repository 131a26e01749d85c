using ResourceHub.Api.OData;
using ResourceHub.Api.Resources;
using ResourceHub.Application.Packages;
using ResourceHub.Application.Packages.Zip;
using ResourceHub.Blobs;

namespace ResourceHub.Api.Packages;

/// <summary>
/// Serves a streamed ZIP like a stored file: exact Content-Length, a strong ETag (304 on If-None-Match),
/// one byte range (206/416) honoured only while If-Range still names this ETag, HEAD. Counting happens when a
/// body starting at byte 0 goes out, so resuming an interrupted download does not count it again.
/// </summary>
public sealed class ZipResponder(IBlobStore blobs, PackageDownloads downloads)
{
    public async Task ServeAsync(HttpContext context, ZipDownload zip)
    {
        var response = context.Response;
        var length = zip.Layout.Length;
        response.Headers.CacheControl = "private, no-cache";
        if (FileAnswers.AnsweredNotModified(context, zip.ETag))
            return;
        var first = 0L;
        var last = length - 1;
        if (RangeApplies(context.Request, zip.ETag) && ByteRange.TryParse(context.Request.Headers.Range.ToString(), out var range))
        {
            if (!range.TryResolve(length, out var resolved))
                throw FileAnswers.RangeNotSatisfiable(length);
            (first, last) = (resolved.First, resolved.Last);
            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = resolved.ToContentRange(length);
        }
        response.ContentType = "application/zip";
        response.Headers.ContentDisposition = UploadFileName.ContentDisposition(zip.FileName);
        response.ContentLength = last - first + 1;
        if (HttpMethods.IsHead(context.Request.Method))
            return;
        if (first == 0)
            await downloads.CountAsync(zip, context.RequestAborted);
        await ZipStreamer.WriteAsync(zip.Layout, blobs, response.Body, first, last, context.RequestAborted);
    }

    /// <summary>A resumed download must get bytes of the same archive: with a stale If-Range the whole new one is sent.</summary>
    private static bool RangeApplies(HttpRequest request, string eTag) =>
        request.Headers.IfRange.ToString() is not { Length: > 0 } ifRange || ifRange == eTag;
}
