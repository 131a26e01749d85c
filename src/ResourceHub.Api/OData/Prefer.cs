namespace ResourceHub.Api.OData;

/// <summary>The Prefer header's return= preference (RFC 7240).</summary>
public static class Prefer
{
    public static bool Minimal(HttpRequest request) => Has(request, "return=minimal");

    public static bool Representation(HttpRequest request) => Has(request, "return=representation");

    private static bool Has(HttpRequest request, string token) =>
        request.Headers["Prefer"].Any(v => v is not null && v.Contains(token, StringComparison.OrdinalIgnoreCase));
}
