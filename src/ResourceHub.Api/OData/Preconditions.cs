namespace ResourceHub.Api.OData;

/// <summary>If-Match handling for writes: a stale ETag is refused before anything changes.</summary>
public static class Preconditions
{
    public static void CheckIfMatch(HttpRequest request, string currentETag)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0 && Required(request))
            throw ODataProblem.PreconditionRequired(
                $"修改前须提供 If-Match 头 (send If-Match with the ETag you read, currently {currentETag})");
        if (ifMatch.Length == 0 || ifMatch == "*")
            return;
        var tags = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!tags.Any(t => Same(t, currentETag)))
            throw ODataProblem.PreconditionFailed(
                $"资源已被他人修改，请刷新后重试 (If-Match {ifMatch} does not match the current ETag {currentETag})");
    }

    /// <summary>ResourceHub:OData:RequireIfMatch=true makes blind overwrites a 428.</summary>
    private static bool Required(HttpRequest request) =>
        request.HttpContext.RequestServices.GetService<IConfiguration>()?.GetValue<bool>("ResourceHub:OData:RequireIfMatch") == true;

    /// <summary>Weak comparison: W/"3" and "3" name the same version.</summary>
    public static bool Same(string a, string b) => Strip(a) == Strip(b);

    private static string Strip(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
