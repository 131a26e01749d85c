namespace ResourceHub.Web.Hosting;

/// <summary>How people sign in to the web app: through the province's identity provider, local accounts, or both.</summary>
public sealed record SignInChoices(bool Provider, bool LocalAccounts)
{
    /// <summary>The authentication scheme of the OpenID Connect provider.</summary>
    public const string ProviderScheme = "oidc";

    public const string CallbackPath = "/signin-oidc";
    public const string SignedOutCallbackPath = "/signout-callback-oidc";

    /// <summary>The session claim that records a sign-in through the provider, so signing out ends that session too.</summary>
    public const string ViaProviderClaim = "rh_via";
}
