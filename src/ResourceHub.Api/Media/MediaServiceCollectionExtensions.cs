using ResourceHub.Api.Hosting;
using ResourceHub.Api.OData;
using ResourceHub.Media;
using ResourceHub.Media.Pipeline;

namespace ResourceHub.Api.Media;

/// <summary>The media module: upload → object store → media job → worker → renditions.</summary>
public static class MediaServiceCollectionExtensions
{
    public static IServiceCollection AddResourceHubMedia(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection(JobOptions.Section).Get<JobOptions>() ?? new JobOptions());
        services.AddSingleton(new MediaPipeline(config.GetSection("ResourceHub:Media").Get<MediaToolOptions>() ?? new MediaToolOptions()));
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<MediaJobQueue>();
        services.AddScoped<MediaJobProcessor>();
        services.AddScoped<RenditionPublisher>();
        services.AddScoped<MediaReadAccess>();
        services.AddScoped<RenditionHandler>();
        services.AddScoped<MediaJobHandler>();
        services.AddScoped<WorkFolders>();
        services.AddScoped<IEntitySetHandler>(sp => sp.GetRequiredService<RenditionHandler>());
        services.AddScoped<IEntitySetHandler>(sp => sp.GetRequiredService<MediaJobHandler>());
        if (ServiceRoles.RunsWorker(config))
            services.AddHostedService<MediaWorker>();
        return services;
    }
}
