
namespace ResourceHub.Api.Cli;

/// <summary>
/// user add --user li.ming --role teacher --org bh-no1 [--name 李明] [--subject math]… [--data-dir DIR]: creates a
/// local account (or sets a new password for it). The password is read from standard input (one line), or from
/// RESOURCEHUB_PASSWORD, so it stays out of the shell history.
/// </summary>
public static class UserVerb
{
    public const string Usage =
        "usage: user add --user <id> --role <teacher|workshop-host|expert|vendor|admin> --org <code> [--name <显示名>] [--subject <code>]…  (password on stdin or in RESOURCEHUB_PASSWORD)";

    public static async Task<int> RunAsync(string[] args, IConfiguration config, TextReader input, TextWriter output, TextWriter error)
    {
        var options = CliOptions.Parse(args.Length > 0 ? args[1..] : args);
        if (args.Length == 0 || args[0] != "add" || options.Single("user") is not { } user || options.Single("role") is not { } role)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }
        var password = Environment.GetEnvironmentVariable("RESOURCEHUB_PASSWORD") is { Length: > 0 } fromEnv ? fromEnv : input.ReadLine() ?? "";
        await using var app = await CliHost.StartAsync(config);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<LocalAccounts>().AddAsync(
                new NewAccount(user, options.Single("name") ?? user, role, options.Single("org") ?? "", options.All("subject"), password), default);
        }
        catch (AppError e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }
        await output.WriteLineAsync($"已创建或更新账户 {user}（{role}，{options.Single("org")}），可在网页登录 (account ready; sign in on the web)");
        return 0;
    }
}
