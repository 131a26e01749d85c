using ResourceHub.Api.OData;
using ResourceHub.Application.Packages;

namespace ResourceHub.Api.Packages;

/// <summary>
/// GET (and HEAD) /media/packages/{id}.zip and /media/basket.zip: the package or the caller's 备课篮 as one ZIP, with
/// Range for resuming. Plain paths rather than OData ones so a browser's download link and curl -C - work;
/// under /media so errors are OData error JSON like every other file download.
/// </summary>
public static class PackageDownloadEndpoints
{
    public static string PackagePath(Guid id) => $"/media/packages/{id:D}.zip";
    public const string BasketPath = "/media/basket.zip";

    public static void MapPackageDownloads(this WebApplication app)
    {
        app.MapMethods("/media/packages/{id:guid}.zip", [HttpMethods.Get, HttpMethods.Head],
            async (HttpContext context, Guid id, PackageDownloads downloads, ZipResponder responder) =>
                await responder.ServeAsync(context, await downloads.ForPackageAsync(context.RequireCaller(), id, context.RequestAborted)));
        app.MapMethods(BasketPath, [HttpMethods.Get, HttpMethods.Head],
            async (HttpContext context, PackageDownloads downloads, ZipResponder responder) =>
                await responder.ServeAsync(context, await downloads.ForBasketAsync(context.RequireCaller(), context.RequestAborted)));
    }
}
