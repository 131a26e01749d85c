using System.Text.Json;
using ResourceHub.Api.OData;
using ResourceHub.Application.Search;

namespace ResourceHub.Api.Search;

/// <summary>GET /odata/Suggest?prefix=分数[&amp;top=10]: title completions the caller may see.</summary>
public static class SuggestEndpoint
{
    public const string Path = ServiceRoot.Path + "/Suggest";

    public static async Task HandleAsync(HttpContext context, ResourceSearch search)
    {
        var caller = context.RequireCaller();
        var top = int.TryParse(context.Request.Query["top"], out var t) ? t : 10;
        var suggestions = await search.SuggestAsync(caller, context.Request.Query["prefix"].ToString(), top, context.RequestAborted);
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
