namespace ResourceHub.Api.OData;

/// <summary>If-Match handling for writes: a stale ETag is refused before anything changes.</summary>
public static class Preconditions
{
    public static void CheckIfMatch(HttpRequest request, string currentETag)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length == 0 || ifMatch == "*")
            return;
        var tags = ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!tags.Any(t => Same(t, currentETag)))
            throw ODataProblem.PreconditionFailed(
                $"资源已被他人修改，请刷新后重试 (If-Match {ifMatch} does not match the current ETag {currentETag})");
    }

    /// <summary>Weak comparison: W/"3" and "3" name the same version.</summary>
    public static bool Same(string a, string b) => Strip(a) == Strip(b);

    private static string Strip(string tag) => tag.StartsWith("W/", StringComparison.Ordinal) ? tag[2..] : tag;
}
