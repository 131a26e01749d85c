namespace ResourceHub.Api.OData;

/// <summary>
/// Our own URL limit, below Kestrel's (raised in <see cref="Hosting.ServiceHost"/>), so an absurdly
/// long query still gets an OData error body instead of Kestrel's bare status.
/// </summary>
public static class RequestLimits
{
    public const int MaxUrlLength = 16 * 1024;
    public const int KestrelRequestLine = 64 * 1024;

    public static void Check(HttpRequest request)
    {
        var length = request.Path.Value?.Length + request.QueryString.Value?.Length ?? 0;
        if (length > MaxUrlLength)
            throw new ODataProblem(StatusCodes.Status414RequestUriTooLong, "UriTooLong",
                $"请求地址过长 (the URL has {length} characters; the limit is {MaxUrlLength}; use $batch or a shorter filter)", "$filter");
    }
}
