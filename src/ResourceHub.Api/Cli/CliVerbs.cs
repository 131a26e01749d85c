using Microsoft.EntityFrameworkCore;
using ResourceHub.Api.Hosting;
using ResourceHub.Api.Identity;
using ResourceHub.Data;

namespace ResourceHub.Api.Cli;

/// <summary>
/// Verbs on the API executable:
///   token --user alice --role vendor --org acme [--name 名字] [--subject math]…  prints a token
///   schema-script --provider sqlite|postgres                                    prints the EF model's DDL
///   user add --user li.ming --role teacher --org bh-no1 [--name 李明] [--subject math]…  creates a local sign-in (password on stdin)
///   import &lt;folder|zip&gt; --as &lt;user&gt; [--submit] [--report FILE]      bulk import from a manifest (resumable)
///   reindex [--data-dir DIR]                                                    rebuilds the search index from the database
///   worker [--urls …]                       runs background work and /health only (see ServiceRoles)
/// </summary>
public static class CliVerbs
{
    public static bool TryRun(string[] args, out int exitCode)
    {
        exitCode = 0;
        if (args.Length == 0)
            return false;
        switch (args[0])
        {
            case "token":
                exitCode = Token(args[1..]);
                return true;
            case "schema-script":
                exitCode = SchemaScript(args[1..]);
                return true;
            case "user":
                var options = CliOptions.Parse(args[1..]);
                exitCode = UserVerb.RunAsync(args[1..], Configuration(options), Console.In, Console.Out, Console.Error).GetAwaiter().GetResult();
                return true;
            case "import":
                exitCode = Intake.ImportVerb.RunAsync(args[1..], Configuration(CliOptions.Parse(args[1..])), Console.Out, Console.Error)
                    .GetAwaiter().GetResult();
                return true;
            case "reindex":
                exitCode = Search.ReindexVerb.RunAsync(Configuration(CliOptions.Parse(args[1..])), Console.Out).GetAwaiter().GetResult();
                return true;
            default:
                return false;
        }
    }

    private static int Token(string[] args)
    {
        var options = CliOptions.Parse(args);
        var user = options.Single("user");
        var role = options.Single("role");
        var org = options.Single("org");
        if (string.IsNullOrWhiteSpace(user) || !Domain.Access.Roles.IsKnown(role) || string.IsNullOrWhiteSpace(org))
        {
            // The API refuses tokens without these claims, so the verb does not mint them.
            Console.Error.WriteLine($"usage: token --user <id> --role <{string.Join('|', Domain.Access.Roles.All)}> --org <code> [--name <显示名>] [--subject <code>]…");
            return 2;
        }
        var config = Configuration(options);
        var dataDir = DataDirectory.Resolve(config);
        var identity = config.GetSection("ResourceHub:Auth").Get<IdentityOptions>() ?? new IdentityOptions();
        var issuer = new TokenIssuer(SigningKey(config, dataDir), identity);
        Console.WriteLine(issuer.Issue(user, role!, org, options.Single("name"), options.All("subject")));
        return 0;
    }

    /// <summary>The key the API replicas read: from the configured database, brought up to date first.</summary>
    private static Microsoft.IdentityModel.Tokens.SymmetricSecurityKey SigningKey(IConfiguration config, string dataDir)
    {
        var builder = new DbContextOptionsBuilder<ResourceHubDbContext>();
        DataServiceCollectionExtensions.Configure(builder,
            config.GetSection("ResourceHub:Database").Get<DatabaseOptions>() ?? new DatabaseOptions(), dataDir);
        using var db = new ResourceHubDbContext(builder.Options);
        new Data.Schema.SchemaMigrator().MigrateAsync(db).GetAwaiter().GetResult();
        return LocalSigningKey.LoadOrCreateAsync(db, dataDir).GetAwaiter().GetResult();
    }

    private static int SchemaScript(string[] args)
    {
        var options = CliOptions.Parse(args);
        var provider = options.Single("provider") ?? DatabaseOptions.Sqlite;
        var builder = new DbContextOptionsBuilder<ResourceHubDbContext>();
        // Generating DDL needs no live server; a placeholder connection string is enough.
        DataServiceCollectionExtensions.Configure(builder,
            new DatabaseOptions { Provider = provider, ConnectionString = provider == DatabaseOptions.Postgres ? "Host=localhost" : "Data Source=:memory:" },
            Path.GetTempPath());
        using var db = new ResourceHubDbContext(builder.Options);
        Console.WriteLine(db.Database.GenerateCreateScript());
        return 0;
    }

    private static IConfiguration Configuration(CliOptions options)
    {
        var builder = new ConfigurationBuilder().AddEnvironmentVariables();
        if (options.Single("data-dir") is { } dir)
            builder.AddInMemoryCollection([new(DataDirectory.ConfigKey, dir)]);
        return builder.Build();
    }
}
