using ResourceHub.Api.Demo;
using ResourceHub.Domain.Users;

namespace ResourceHub.Web.Tests.Pages;

[Collection(WebCollection.Name)]
public sealed class SignInTests(WebServer server)
{
    [Fact]
    public async Task Pages_ask_for_sign_in_and_return_where_the_teacher_was_going()
    {
        var page = await server.NewPageAsync();
        await page.GotoAsync($"/resources/{server.VideoId}");
        Assert.Contains("/signin?returnUrl=", page.Url);
        await page.FillAsync("#user", "li.ming");
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync($"{server.BaseUrl}/resources/{server.VideoId}");
        Assert.Equal("分数的初步认识（微课）", await page.TextContentAsync("h1"));
        Assert.Contains("李明（教师）", await page.TextContentAsync(".who"));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_in_Chinese_and_repeated_failures_lock_the_account()
    {
        var page = await server.NewPageAsync();
        for (var i = 1; i <= SignInLockout.MaxFailures; i++)
        {
            await page.GotoAsync("/signin");
            await page.FillAsync("#user", WebServer.LockedUser);
            await page.FillAsync("#password", "wrong-password");
            var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button[type=submit]"),
                r => r.Request.Method == "POST" && r.Url.Contains("/signin"));
            Assert.Equal(401, response.Status);
            var message = await page.TextContentAsync("#signin-error");
            Assert.Contains(i < SignInLockout.MaxFailures ? "用户名或密码不正确" : "账户已锁定", message);
        }
        // Locked: even the right password is refused until the lock expires.
        await page.GotoAsync("/signin");
        await page.FillAsync("#user", WebServer.LockedUser);
        await page.FillAsync("#password", DemoAccounts.Password);
        await page.ClickAsync("button[type=submit]");
        Assert.Contains("账户已锁定", await page.TextContentAsync("#signin-error"));
        Assert.EndsWith("/signin", new Uri(page.Url).AbsolutePath);
    }
}
