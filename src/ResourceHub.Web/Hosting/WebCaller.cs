using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Application;
using ResourceHub.Application.Identity;
using ResourceHub.Data;
using ResourceHub.Domain.Access;

namespace ResourceHub.Web.Hosting;

/// <summary>
/// The signed-in caller as the use cases expect it: an admin carries the region it manages, exactly as the API resolves
/// it (CallerAccess), so a regional admin sees the same items on a page as through OData. Resolved once per request.
/// </summary>
public static class WebCaller
{
    private static readonly object Key = new();

    public static async Task<Caller?> CallerAsync(this HttpContext context, CancellationToken ct)
    {
        if (context.Items.TryGetValue(Key, out var kept))
            return (Caller?)kept;
        var caller = context.User.ToCaller();
        if (caller is not null)
        {
            var services = context.RequestServices;
            caller = await services.GetRequiredService<OrganizationDirectory>()
                .ResolveAsync(caller, services.GetRequiredService<ResourceHubDbContext>(), ct);
        }
        context.Items[Key] = caller;
        return caller;
    }

    /// <summary>As above on a page that requires sign-in (the anonymous never reach it; a 403 if one does).</summary>
    public static async Task<Caller> SignedInCallerAsync(this HttpContext context, CancellationToken ct) =>
        await context.CallerAsync(ct) ?? throw AppError.Forbidden("请先登录 (sign in first)");
}
