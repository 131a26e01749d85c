using ResourceHub.Api.Hosting;

namespace ResourceHub.Api.Cli;

/// <summary>The service's registrations for a verb that works on the data directly: storage brought up to date, no server started, quiet logs.</summary>
public static class CliHost
{
    public static async Task<WebApplication> StartAsync(IConfiguration config)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddConfiguration(config);
        builder.Logging.SetMinimumLevel(LogLevel.Warning); // a verb prints its own progress; SQL traces would bury it
        builder.Services.AddResourceHubServices(builder.Configuration, DataDirectory.Resolve(builder.Configuration));
        var app = builder.Build();
        await app.Services.PrepareStorageAsync();
        return app;
    }
}
