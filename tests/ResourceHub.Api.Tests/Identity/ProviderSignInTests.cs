using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Identity;

/// <summary>Web sign-in through an OpenID Connect provider (code flow with PKCE), run against a real provider on loopback.</summary>
public sealed partial class ProviderSignInTests : IAsyncLifetime
{
    private FakeIdentityProvider _idp = null!;
    private TestDatabase _db = null!;
    private ApiFactory _api = null!;
    private HttpClient _browser = null!;
    private readonly HttpClient _toProvider = new(new HttpClientHandler { AllowAutoRedirect = false });

    private static readonly Dictionary<string, string> Teacher = new()
    {
        ["sub"] = "idp-teacher-1", ["name"] = "王老师", ["role"] = "teacher", ["org"] = "bh-no1",
    };

    public async Task InitializeAsync()
    {
        _idp = await FakeIdentityProvider.StartAsync();
        _db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        _api = await ApiFactory.StartAsync(_db, new Dictionary<string, string?>
        {
            ["ResourceHub:Auth:Authority"] = _idp.Issuer,
            ["ResourceHub:Auth:ClientId"] = FakeIdentityProvider.ClientId,
            ["ResourceHub:Auth:ClientSecret"] = FakeIdentityProvider.ClientSecret,
            ["ResourceHub:Auth:RequireHttpsMetadata"] = "false",
        });
        _browser = _api.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    }

    public async Task DisposeAsync()
    {
        _toProvider.Dispose();
        await _api.DisposeAsync();
        await _db.DisposeAsync();
        await _idp.DisposeAsync();
    }

    [Fact]
    public async Task A_teacher_signs_in_through_the_provider_with_the_code_flow_and_PKCE()
    {
        var signIn = await _browser.GetStringAsync("/signin");
        Assert.Contains("使用统一身份认证登录", signIn);
        Assert.DoesNotContain("name=\"Password\"", signIn); // local accounts are off when a provider is set

        var callback = await SignInThroughProviderAsync(Teacher, returnUrl: "/");

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/", callback.Headers.Location!.OriginalString);
        var session = callback.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("rh.session", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        var authorize = _idp.AuthorizeRequests.Single();
        Assert.Contains("response_type=code", authorize);
        Assert.Contains("code_challenge_method=S256", authorize);
        Assert.Contains("code_verifier=", _idp.TokenRequests.Single());

        var home = await _browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("王老师", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_account_without_an_organisation_is_refused_with_a_Chinese_explanation()
    {
        var noOrg = new Dictionary<string, string>(Teacher);
        noOrg.Remove("org");

        var callback = await SignInThroughProviderAsync(noOrg, returnUrl: "/");

        Assert.Equal("/signin?failed=claims", callback.Headers.Location!.OriginalString);
        Assert.DoesNotContain(callback.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("rh.session=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970"));
        Assert.Contains("缺少本平台需要的信息", await _browser.GetStringAsync(callback.Headers.Location.OriginalString));
        var home = await _browser.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("http://localhost/signin", home.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Signing_out_ends_the_provider_session_too()
    {
        await SignInThroughProviderAsync(Teacher, returnUrl: "/");
        var page = await _browser.GetStringAsync("/");

        var signOut = await _browser.PostAsync("/signout", Form(page));

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var location = signOut.Headers.Location!.ToString();
        Assert.StartsWith(_idp.Issuer + "/logout?", location);
        Assert.Contains("id_token_hint=", location);
        Assert.Contains("post_logout_redirect_uri=" + Uri.EscapeDataString("http://localhost/signout-callback-oidc"), location);
        Assert.Equal(HttpStatusCode.Redirect, (await _browser.GetAsync("/")).StatusCode); // the local session is gone
    }

    [Fact]
    public async Task Local_password_sign_in_is_refused_when_a_provider_is_set()
    {
        var page = await _browser.GetStringAsync("/signin");

        var post = await _browser.PostAsync("/signin", Form(page, ("UserName", "admin"), ("Password", "demo-2026")));

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Contains("本平台使用统一身份认证登录", await post.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_API_accepts_the_providers_access_tokens_for_its_audience_only()
    {
        var api = _api.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _idp.AccessToken(Teacher));
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/odata/Resources")).StatusCode);

        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _idp.AccessToken(Teacher, audience: "another-app"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/odata/Resources")).StatusCode);
    }

    [Fact]
    public async Task Tokens_from_the_token_verb_stay_valid_beside_the_provider()
    {
        var local = _api.ClientAs("ops-script", "admin", "ah-edu");
        Assert.Equal(HttpStatusCode.OK, (await local.GetAsync("/odata/Resources")).StatusCode);

        var forged = _api.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            new Api.Identity.TokenIssuer(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(new byte[32]) { KeyId = "local" },
                new Api.Identity.IdentityOptions()).Issue("ops-script", "admin", "ah-edu"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/odata/Resources")).StatusCode);
    }

    /// <summary>Presses 使用统一身份认证登录, lets the provider sign <paramref name="user"/> in, and returns the callback's answer.</summary>
    private async Task<HttpResponseMessage> SignInThroughProviderAsync(Dictionary<string, string> user, string returnUrl)
    {
        _idp.NextUser = user;
        var page = await _browser.GetStringAsync("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        var challenge = await _browser.PostAsync("/signin?handler=Provider", Form(page, ("ReturnUrl", returnUrl)));
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        Assert.StartsWith(_idp.Issuer + "/authorize?", challenge.Headers.Location!.ToString());

        var back = await _toProvider.GetAsync(challenge.Headers.Location);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.StartsWith("http://localhost/signin-oidc?", back.Headers.Location!.ToString());
        return await _browser.GetAsync(back.Headers.Location.PathAndQuery);
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", AntiforgeryField().Match(page).Groups[1].Value),
            .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
