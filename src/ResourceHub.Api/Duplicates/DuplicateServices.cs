using ResourceHub.Api.OData;
using ResourceHub.Application.Duplicates;

namespace ResourceHub.Api.Duplicates;

/// <summary>The duplicates module: its policy options and the OData handler.</summary>
public static class DuplicateServices
{
    public const string Section = "ResourceHub:Duplicates";

    public static IServiceCollection AddResourceHubDuplicates(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection(Section).Get<DuplicateOptions>() ?? new DuplicateOptions());
        services.AddScoped<DuplicateHandler>();
        services.AddScoped<IEntitySetHandler>(sp => sp.GetRequiredService<DuplicateHandler>());
        services.AddScoped<IOperationHandler>(sp => sp.GetRequiredService<DuplicateHandler>());
        return services;
    }
}
