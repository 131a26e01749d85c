using ResourceHub.Api.Duplicates;
using ResourceHub.Api.Contests;
using ResourceHub.Api.Curation;
using ResourceHub.Api.Health;
using ResourceHub.Api.Identity;
using ResourceHub.Api.Intake;
using ResourceHub.Api.Limits;
using ResourceHub.Api.Media;
using ResourceHub.Api.OData;
using ResourceHub.Api.Resources;
using ResourceHub.Blobs.DependencyInjection;
using ResourceHub.Api.Search;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;
using ResourceHub.Indexing;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Api.Hosting;

/// <summary>Composition root: every module registers its services and endpoints here.</summary>
public static class ServiceHost
{
    public static WebApplication Build(string[] args)
    {
        // appsettings.json sits beside the binary; the data directory, not the working folder, holds state.
        args = ServiceRoles.FromVerb(args);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var limits = LimitOptions.From(builder.Configuration);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestLineSize = RequestLimits.KestrelRequestLine;
            // No body may exceed the largest JSON one; the upload endpoint raises this per request.
            k.Limits.MaxRequestBodySize = Math.Max(limits.BatchBodyBytes, limits.JsonBodyBytes);
        });
        var dataDir = DataDirectory.Resolve(builder.Configuration);
        builder.Services.AddResourceHubServices(builder.Configuration, dataDir);
        var app = builder.Build();
        app.UseResourceHub();
        return app;
    }

    public static IServiceCollection AddResourceHubServices(this IServiceCollection services, IConfiguration config, string dataDir)
    {
        services.AddSingleton(LimitOptions.From(config));
        services.AddResourceHubRateLimits(config);
        services.AddResourceHubData(config, dataDir);
        services.AddResourceHubAuthentication(config, dataDir);
        services.AddSingleton(TaxonomyCatalog.Default);
        services.AddSingleton<ResourceValidator>();
        services.AddSingleton(new ODataJsonWriter(EdmModelFactory.Create()));
        services.AddScoped<ODataRouter>();
        services.AddBlobStore(config);
        services.AddScoped<ResourceHub.Api.OData.Batch.JsonBatchHandler>();
        services.AddScoped<ResourceHandler>();
        services.AddScoped<UploadCheckHandler>();
        services.AddScoped<ResourceFileHandler>();
        services.AddScoped<ResourceFileStore>();
        services.AddScoped<ResourceHub.Api.Resources.Uploads.ResumableUploads>();
        services.AddScoped<IMediaStarter>(sp => sp.GetRequiredService<ResourceFileStore>());
        services.AddScoped<IResourceFiles>(sp => sp.GetRequiredService<ResourceFileStore>());
        services.AddResourceHubApplication();
        services.AddBlobCleanup(config);
        services.AddSingleton<BlobResponder>();
        services.AddResourceHubMedia(config);
        services.AddScoped<IEntitySetHandler>(sp => sp.GetRequiredService<ResourceHandler>());
        services.AddScoped<IEntitySetHandler>(sp => sp.GetRequiredService<UploadCheckHandler>());
        services.AddScoped<IEntitySetHandler, Courses.CourseHandler>();
        services.AddScoped<IEntitySetHandler, Organizations.OrganizationHandler>();
        services.AddScoped<IEntitySetHandler, Packages.PackageHandler>();
        services.AddScoped<IEntitySetHandler, Packages.BasketItemHandler>();
        services.AddScoped<Packages.ZipResponder>();
        services.AddScoped<ResourceHub.Api.Demo.DemoData>();
        services.AddScoped<ResourceHub.Api.Demo.DemoAccounts>();
        services.AddResourceHubCuration();
        services.AddResourceHubContests();
        services.AddResourceHubSearch(config, dataDir);
        if (ServiceRoles.ServesApi(config))
            services.AddHostedService<StartupWarmUp>();
        services.AddScoped<SearchEndpoint>();
        services.AddResourceHubHealthChecks();
        services.AddResourceHubWeb();
        services.AddResourceHubIntake(config);
        services.AddResourceHubDuplicates(config);
        return services;
    }

    public static void UseResourceHub(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseMiddleware<ODataErrorMiddleware>();
        app.UseResourceHubWebErrors();
        app.UseAuthentication();
        app.UseResourceHubRateLimits();
        app.Use(TokenClaims.RefuseIncompleteAsync);
        app.UseMiddleware<UserProvisioning>();
        app.UseAuthorization();
        app.MapResourceHubHealth();
        if (!ServiceRoles.ServesApi(app.Configuration))
            return;
        app.MapHls();
        ResourceHub.Api.Resources.Uploads.ResumableUploads.Map(app);
        app.MapSignedMedia();
        Packages.PackageDownloadEndpoints.MapPackageDownloads(app);
        ImportEndpoints.Map(app);
        app.MapResourceHubWeb();
        app.MapGet(SuggestEndpoint.Path, (HttpContext c, ResourceSearch search) => SuggestEndpoint.HandleAsync(c, search));
        app.Map(ServiceRoot.Path, (HttpContext c, ODataRouter r) => r.HandleAsync(c));
        app.Map(ServiceRoot.Path + "/{**path}", (HttpContext c, ODataRouter r) => r.HandleAsync(c));
    }
}
