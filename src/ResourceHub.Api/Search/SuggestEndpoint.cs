using System.Text.Json;
using ResourceHub.Api.OData;
using ResourceHub.Domain.Access;
using ResourceHub.Indexing;

namespace ResourceHub.Api.Search;

/// <summary>GET /odata/Suggest?prefix=分数[&amp;top=10]: title completions the caller may see.</summary>
public static class SuggestEndpoint
{
    public const string Path = ServiceRoot.Path + "/Suggest";

    public static async Task HandleAsync(HttpContext context, ISearchIndex index)
    {
        var caller = context.RequireCaller();
        var prefix = context.Request.Query["prefix"].ToString().Trim('\'', ' ');
        if (prefix.Length == 0)
            throw ODataProblem.BadRequest("需要 prefix 参数 (prefix is required)", "prefix");
        var top = int.TryParse(context.Request.Query["top"], out var t) ? t : 10;
        IReadOnlyList<Suggestion> suggestions;
        try
        {
            suggestions = await index.SuggestAsync(new SuggestRequest(prefix, VisibilityScope.For(caller), top), context.RequestAborted);
        }
        catch (SearchUnavailableException e)
        {
            throw new ODataProblem(StatusCodes.Status503ServiceUnavailable, "SearchUnavailable", $"搜索服务暂不可用 ({e.Message})");
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var w = new Utf8JsonWriter(context.Response.Body, JsonOutput.WriterOptions);
        w.WriteStartObject();
        w.WriteStartArray("value");
        foreach (var s in suggestions)
        {
            w.WriteStartObject();
            w.WriteString("Id", s.Id);
            w.WriteString("Title", s.Title);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
