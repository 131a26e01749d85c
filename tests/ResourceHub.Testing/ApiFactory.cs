using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Api.Hosting;
using ResourceHub.Api.Identity;

namespace ResourceHub.Testing;

/// <summary>
/// The real API in memory over a <see cref="TestDatabase"/>, with helpers to call it as a given
/// user. Extra configuration (e.g. S3) can be passed in.
/// </summary>
public sealed class ApiFactory(TestDatabase database, IDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>
        {
            [DataDirectory.ConfigKey] = database.DataDir,
            ["ResourceHub:Database:Provider"] = database.Provider,
            ["ResourceHub:Database:ConnectionString"] = database.ConnectionString,
            ["ResourceHub:DemoData"] = "false",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
            values[k] = v;
        // UseSetting, not ConfigureAppConfiguration: ServiceHost reads the database options while
        // building services, before late configuration sources would apply.
        foreach (var (k, v) in values)
            builder.UseSetting(k, v);
        builder.UseEnvironment("Testing");
    }

    public static async Task<ApiFactory> StartAsync(TestDatabase database, IDictionary<string, string?>? settings = null)
    {
        var factory = new ApiFactory(database, settings);
        await factory.Services.PrepareStorageAsync();
        return factory;
    }

    /// <summary>The organisation of callers whose test does not name one (tokens must carry an org).</summary>
    public const string DefaultOrg = "test-org";

    public string Token(string user, string role, string org = DefaultOrg, params string[] subjects) =>
        Services.GetRequiredService<TokenIssuer>().Issue(user, role, org, subjects: subjects);

    /// <summary>A client that calls as this user (or anonymously when user is null).</summary>
    public HttpClient ClientAs(string? user, string role = "teacher", string org = DefaultOrg, params string[] subjects)
    {
        var client = CreateClient();
        if (user is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(user, role, org, subjects));
        return client;
    }
}
