using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ResourceHub.Api.Tests.Media;

/// <summary>What the media tests do over HTTP: create, upload, wait for the job, read renditions.</summary>
public static class MediaApi
{
    public static async Task<Guid> CreateAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/odata/Resources",
            new { Kind = "micro-lesson", Title = "勾股定理 微课", Subject = "math", Stage = "junior" });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("Id").GetGuid();
    }

    public static async Task UploadAsync(HttpClient client, Guid id, byte[] bytes, string contentType, string fileName)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName };
        var response = await client.PutAsync($"/odata/Resources({id})/$value", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<List<JsonElement>> ListAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var body = JsonDocument.Parse(text);
        return body.RootElement.GetProperty("value").EnumerateArray().Select(e => e.Clone()).ToList();
    }

    /// <summary>Polls Resources({id})/Jobs until the newest job has ended; returns it.</summary>
    public static async Task<JsonElement> WaitForJobAsync(HttpClient client, Guid id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var jobs = await ListAsync(client, $"/odata/Resources({id})/Jobs");
            if (jobs.Count > 0 && jobs[0].GetProperty("State").GetString() is "succeeded" or "failed")
                return jobs[0];
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"media job for {id} did not finish: {string.Join(", ", jobs)}");
            await Task.Delay(250);
        }
    }
}
