using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.Duplicates;
using ResourceHub.Api.OData;
using ResourceHub.Application.Duplicates;
using ResourceHub.Blobs;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Resources.Uploads;

/// <summary>
/// Resumable uploads of an item's file over tus 1.0 (core, creation, termination) at /uploads.
/// POST creates a session for a resource the caller may modify; each PATCH stores its bytes as one part
/// blob and moves the offset in a version-checked save; HEAD tells a client that lost its connection
/// where to resume. The part that completes the file hands the parts, read in order, to the same use
/// case as PUT Resources(id)/$value (<see cref="ResourceUploads"/>).
/// </summary>
public sealed class ResumableUploads(ResourceHubDbContext db, IBlobStore blobs, ResourceUploads uploads,
    BlobCleanupOptions cleanup, BlobStoreLimits limits, TimeProvider clock, DuplicateMatches duplicates)
{
    public const string Path = "/uploads";
    public const string TusVersion = "1.0.0";
    private const string PartType = "application/offset+octet-stream";

    public static void Map(WebApplication app)
    {
        app.MapMethods(Path, ["OPTIONS"], (HttpContext c, ResumableUploads u) => u.Options(c));
        app.MapPost(Path, (HttpContext c, ResumableUploads u) => u.CreateAsync(c));
        app.MapMethods(Path + "/{id:guid}", ["HEAD"], (HttpContext c, Guid id, ResumableUploads u) => u.HeadAsync(c, id));
        app.MapPatch(Path + "/{id:guid}", (HttpContext c, Guid id, ResumableUploads u) => u.PatchAsync(c, id));
        app.MapDelete(Path + "/{id:guid}", (HttpContext c, Guid id, ResumableUploads u) => u.DeleteAsync(c, id));
    }

    public void Options(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["Tus-Resumable"] = TusVersion;
        headers["Tus-Version"] = TusVersion;
        headers["Tus-Extension"] = "creation,termination";
        headers["Tus-Max-Size"] = limits.MaxBytes.ToString(CultureInfo.InvariantCulture);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>POST /uploads with Upload-Length and Upload-Metadata "resource …,filename …,filetype …" (values base64).</summary>
    public async Task CreateAsync(HttpContext context)
    {
        CheckResumable(context);
        var length = ReadLong(context.Request, "Upload-Length");
        uploads.CheckSize(length);
        var metadata = UploadMetadata.Parse(context.Request.Headers["Upload-Metadata"]);
        if (!metadata.TryGetValue("resource", out var resource) || !Guid.TryParse(resource, out var resourceId))
            throw ODataProblem.BadRequest("Upload-Metadata 缺少 resource（资源 ID）(Upload-Metadata must name the resource)", "Upload-Metadata");
        var target = await uploads.OpenAsync(context.RequireCaller(), resourceId, null, context.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new UploadSession
        {
            Id = Guid.NewGuid(),
            ResourceId = target.Resource.Id,
            UserId = target.Caller.UserId,
            Length = length,
            FileName = UploadFileName.Clean(metadata.GetValueOrDefault("filename") ?? ""),
            ContentType = UploadContentType.Parse(metadata.GetValueOrDefault("filetype")), // a bad type is a 400 before any part
            CreatedAt = now,
            ExpiresAt = now.AddSeconds(cleanup.UploadWindowSeconds),
        };
        db.Add(session);
        await db.SaveChangesAsync(context.RequestAborted);
        Describe(context, session);
        context.Response.Headers.Location = $"{Path}/{session.Id:N}";
        context.Response.StatusCode = StatusCodes.Status201Created;
    }

    /// <summary>Where to resume: the bytes received so far.</summary>
    public async Task HeadAsync(HttpContext context, Guid id)
    {
        CheckResumable(context);
        var session = await FindAsync(context, id, tracked: false);
        Describe(context, session);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    public async Task PatchAsync(HttpContext context, Guid id)
    {
        CheckResumable(context);
        if (!string.Equals(context.Request.ContentType, PartType, StringComparison.OrdinalIgnoreCase))
            throw new ODataProblem(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType",
                $"分片的 Content-Type 必须是 {PartType} (a part must be sent as {PartType})", "Content-Type");
        var offset = ReadLong(context.Request, "Upload-Offset");
        var session = await FindAsync(context, id, tracked: true);
        if (offset != session.Offset)
            throw OffsetConflict(session);
        if (session.Offset < session.Length)
            await AppendAsync(context, session);
        if (session.Offset == session.Length)
            await CompleteAsync(context, session);
        else
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        Describe(context, session);
    }

    /// <summary>Termination: the parts are swept with the session row.</summary>
    public async Task DeleteAsync(HttpContext context, Guid id)
    {
        CheckResumable(context);
        db.Remove(await FindAsync(context, id, tracked: true));
        await db.SaveChangesAsync(CancellationToken.None);
        context.Response.Headers["Tus-Resumable"] = TusVersion;
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private async Task AppendAsync(HttpContext context, UploadSession session)
    {
        var remaining = session.Length - session.Offset;
        if (context.Request.ContentLength > remaining)
            throw PastLength();
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
            bodyLimit.MaxRequestBodySize = remaining + 1;
        var key = ResourceBlobKeys.UploadParts(session.ResourceId, session.Id) + $"{session.Offset:D19}-{Guid.NewGuid():N}";
        BlobWriteResult written;
        try
        {
            // A dropped connection fails the write and stores nothing: the client resumes from HEAD's offset.
            await using var bounded = new HashingStream(context.Request.Body, remaining);
            written = await blobs.PutAsync(key, bounded, "application/octet-stream", context.RequestAborted);
        }
        catch (BlobTooLargeException)
        {
            throw PastLength();
        }
        if (written.Length == 0)
        {
            await blobs.DeleteAsync(key, CancellationToken.None);
            return;
        }
        db.Add(new UploadPart { SessionId = session.Id, Offset = session.Offset, Length = written.Length, BlobKey = key });
        session.Offset += written.Length;
        session.ExpiresAt = clock.GetUtcNow().UtcDateTime.AddSeconds(cleanup.UploadWindowSeconds);
        try
        {
            // Not the request's token: bytes that arrived whole should count even if the client hangs up now.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (DbUpdateException)
        {
            // Another part at this offset was counted first; this blob is swept with the session anyway.
            await blobs.DeleteAsync(key, CancellationToken.None);
            db.ChangeTracker.Clear();
            var current = await db.Set<UploadSession>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == session.Id)
                          ?? throw Gone();
            throw OffsetConflict(current);
        }
    }

    private async Task CompleteAsync(HttpContext context, UploadSession session)
    {
        var keys = await db.Set<UploadPart>().Where(p => p.SessionId == session.Id).OrderBy(p => p.Offset)
            .Select(p => p.BlobKey).ToListAsync(context.RequestAborted);
        var target = await uploads.OpenAsync(context.RequireCaller(), session.ResourceId, null, context.RequestAborted);
        Resource resource;
        await using (var content = new PartsStream(blobs, keys))
            resource = await uploads.SaveAsync(target, content, session.ContentType, session.FileName, context.RequestAborted);
        ResourceHandler.SetETag(context, resource);
        await DuplicateLinks.AddAsync(context, duplicates, resource.Id);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        // The file is live (or staged for review); only now are the parts no longer needed.
        db.Remove(session);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    /// <summary>The caller's own live session; anyone else's, or an expired one, is 404.</summary>
    private async Task<UploadSession> FindAsync(HttpContext context, Guid id, bool tracked)
    {
        var caller = context.RequireCaller();
        var now = clock.GetUtcNow().UtcDateTime;
        var query = db.Set<UploadSession>().Where(s => s.Id == id && s.UserId == caller.UserId && s.ExpiresAt > now);
        return await (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(context.RequestAborted) ?? throw Gone();
    }

    private static void Describe(HttpContext context, UploadSession session)
    {
        var headers = context.Response.Headers;
        headers["Tus-Resumable"] = TusVersion;
        headers["Upload-Offset"] = session.Offset.ToString(CultureInfo.InvariantCulture);
        headers["Upload-Length"] = session.Length.ToString(CultureInfo.InvariantCulture);
        headers["Upload-Expires"] = new DateTimeOffset(DateTime.SpecifyKind(session.ExpiresAt, DateTimeKind.Utc)).ToString("r", CultureInfo.InvariantCulture);
    }

    /// <summary>Every call but OPTIONS: the caller first (an anonymous call is 401 whatever it sends), then the protocol version.</summary>
    private static void CheckResumable(HttpContext context)
    {
        context.RequireCaller();
        if (context.Request.Headers["Tus-Resumable"] == TusVersion)
            return;
        context.Response.Headers["Tus-Version"] = TusVersion;
        throw new ODataProblem(StatusCodes.Status412PreconditionFailed, "UnsupportedTusVersion",
            $"需要 Tus-Resumable: {TusVersion} 请求头 (this server speaks tus {TusVersion})", "Tus-Resumable");
    }

    private static long ReadLong(HttpRequest request, string header)
    {
        if (long.TryParse(request.Headers[header], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            return value;
        throw ODataProblem.BadRequest($"请求头 {header} 缺失或不是非负整数 ({header} must be a non-negative integer)", header);
    }

    private static ODataProblem OffsetConflict(UploadSession session) =>
        new(StatusCodes.Status409Conflict, "OffsetMismatch",
            $"分片位置不对：服务器已收到 {session.Offset} 字节，请从该位置继续 (Upload-Offset must be {session.Offset})", "Upload-Offset");

    private static ODataProblem PastLength() =>
        new(StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", "分片超出了声明的文件大小 (the part goes past Upload-Length)", "Upload-Length");

    private static ODataProblem Gone() => ODataProblem.NotFound("上传不存在或已过期 (no such upload, or it has expired)");
}

/// <summary>tus Upload-Metadata: comma-separated "key base64value" pairs.</summary>
public static class UploadMetadata
{
    public static Dictionary<string, string> Parse(string? header)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (header ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split(' ', 2, StringSplitOptions.TrimEntries);
            result[parts[0]] = parts.Length == 2 ? Decode(parts[1]) : "";
        }
        return result;
    }

    private static string Decode(string value)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value));
        }
        catch (FormatException)
        {
            throw ODataProblem.BadRequest("Upload-Metadata 的值必须是 Base64 (Upload-Metadata values must be base64)", "Upload-Metadata");
        }
    }
}
