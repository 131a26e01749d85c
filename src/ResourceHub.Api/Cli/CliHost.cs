using ResourceHub.Api.Hosting;

namespace ResourceHub.Api.Cli;

/// <summary>The service's registrations for a verb that works on the data directly: storage brought up to date, no server started.</summary>
public static class CliHost
{
    public static async Task<WebApplication> StartAsync(IConfiguration config)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddConfiguration(config);
        builder.Services.AddResourceHubServices(builder.Configuration, DataDirectory.Resolve(builder.Configuration));
        var app = builder.Build();
        await app.Services.PrepareStorageAsync();
        return app;
    }
}
