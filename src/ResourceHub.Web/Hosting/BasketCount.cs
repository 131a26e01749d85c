using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Application.Identity;
using ResourceHub.Application.Packages;
using ResourceHub.Data;

namespace ResourceHub.Web.Hosting;

/// <summary>The number the 备课篮 link shows: the resources of the basket page (the caller resolved with its region, as there).</summary>
public static class BasketCount
{
    public static async Task<int> OfAsync(HttpContext context)
    {
        if (context.User.ToCaller() is not { } caller)
            return 0;
        var services = context.RequestServices;
        var resolved = await services.GetRequiredService<OrganizationDirectory>()
            .ResolveAsync(caller, services.GetRequiredService<ResourceHubDbContext>(), context.RequestAborted);
        return await services.GetRequiredService<Baskets>().CountAsync(resolved, context.RequestAborted);
    }
}
