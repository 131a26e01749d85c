using System.Net;
using Microsoft.Playwright;

namespace ResourceHub.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class SecurityTests(WebServer server)
{
    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy()
    {
        var page = await server.NewPageAsync();
        var response = await page.GotoAsync("/signin");
        var csp = (await response!.AllHeadersAsync())["content-security-policy"];
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("style-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
    }

    [Fact]
    public async Task Session_and_antiforgery_cookies_are_HttpOnly_and_SameSite()
    {
        var page = await server.SignedInAsync();
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "rh.session");
        Assert.True(session.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, session.SameSite);
        var antiforgery = Assert.Single(cookies, c => c.Name == "rh.antiforgery");
        Assert.True(antiforgery.HttpOnly);
        Assert.Equal(SameSiteAttribute.Strict, antiforgery.SameSite);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected()
    {
        var page = await server.SignedInAsync("wang.fang");
        var response = await page.Context.APIRequest.PostAsync($"/resources/{server.VideoId}?handler=Rate",
            new() { Form = page.Context.APIRequest.CreateFormData().Set("stars", "1"), MaxRedirects = 0 });
        Assert.Equal((int)HttpStatusCode.BadRequest, response.Status);
        await page.GotoAsync($"/resources/{server.VideoId}");
        Assert.DoesNotContain("已评 1 星", await page.TextContentAsync("#rate"));
    }

    [Fact]
    public async Task A_title_with_a_script_tag_shows_as_text_on_search_and_detail()
    {
        var page = await server.SignedInAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await page.GotoAsync("/?q=" + Uri.EscapeDataString("勾股定理复习"));
        var card = page.Locator($"a[href='/resources/{server.ScriptTitleId}']").Last;
        Assert.Equal(WebServer.ScriptTitle, await card.TextContentAsync());
        await card.ClickAsync();
        await page.WaitForURLAsync($"{server.BaseUrl}/resources/{server.ScriptTitleId}");
        Assert.Equal(WebServer.ScriptTitle, await page.TextContentAsync("h1"));
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        Assert.Equal(0, dialogs);
    }

    [Fact]
    public async Task A_tampered_media_link_is_refused()
    {
        var page = await server.SignedInAsync();
        await page.GotoAsync($"/resources/{server.VideoId}");
        var src = (await page.GetAttributeAsync("#player source", "src"))!;
        var tampered = src.Replace(server.VideoId.ToString("N"), server.ScriptTitleId.ToString("N"));
        var response = await page.Context.APIRequest.GetAsync(tampered);
        Assert.Equal(403, response.Status);
        Assert.Equal(206, (await page.Context.APIRequest.GetAsync(src, new() { Headers = new Dictionary<string, string> { ["Range"] = "bytes=0-99" } })).Status);
    }
}
