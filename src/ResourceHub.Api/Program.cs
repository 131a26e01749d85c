using ResourceHub.Api.Cli;
using ResourceHub.Api.Hosting;

// `token …` and `schema-script …` are CLI verbs; anything else starts the service.
if (CliVerbs.TryRun(args, out var exitCode))
    return exitCode;

var app = ServiceHost.Build(args);
await app.Services.PrepareStorageAsync();
await app.RunAsync();
return 0;

/// <summary>Visible to WebApplicationFactory in tests.</summary>
public partial class Program;
