using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace ResourceHub.Api.Tests.Intake;

/// <summary>Calls the import endpoints and waits for the worker to finish a job.</summary>
public static class ImportApi
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] zip, bool submit = false)
    {
        var content = new ByteArrayContent(zip);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        return await client.PostAsync("/odata/ImportJobs" + (submit ? "?submit=true" : ""), content);
    }

    /// <summary>Posts the package and returns the finished job (succeeded or failed).</summary>
    public static async Task<JsonElement> ImportAsync(HttpClient client, byte[] zip, bool submit = false)
    {
        var posted = await PostAsync(client, zip, submit);
        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        return await WaitAsync(client, posted.Headers.Location!);
    }

    public static async Task<JsonElement> WaitAsync(HttpClient client, Uri job)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            var json = JsonDocument.Parse(await client.GetStringAsync(job)).RootElement;
            if (json.GetProperty("State").GetString() is "succeeded" or "failed")
                return json;
            Assert.True(DateTime.UtcNow < deadline, $"import job still {json.GetProperty("State")} after 90 s");
            await Task.Delay(100);
        }
    }

    public static async Task<List<JsonElement>> RowsAsync(HttpClient client, JsonElement job) =>
        JsonDocument.Parse(await client.GetStringAsync(job.GetProperty("@odata.id").GetString() + "/Rows"))
            .RootElement.GetProperty("value").EnumerateArray().ToList();

    public static async Task<JsonElement> ResourceAsync(HttpClient client, JsonElement row) =>
        JsonDocument.Parse(await client.GetStringAsync($"/odata/Resources({row.GetProperty("ResourceId").GetString()})")).RootElement;
}
