using ResourceHub.Api.Hosting;
using ResourceHub.Application.Intake;

namespace ResourceHub.Api.Intake;

/// <summary>The bulk-import module: its options, the HTTP endpoints and the worker.</summary>
public static class IntakeServices
{
    public const string Section = "ResourceHub:Import";

    public static IServiceCollection AddResourceHubIntake(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection(Section).Get<ImportOptions>() ?? new ImportOptions());
        services.AddScoped<ImportEndpoints>();
        if (ServiceRoles.RunsWorker(config))
            services.AddHostedService<ImportWorker>();
        return services;
    }
}
