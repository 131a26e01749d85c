using System.Text.Json;
using ResourceHub.Data;
using ResourceHub.Testing;
using static ResourceHub.Api.Tests.Media.MediaApi;

namespace ResourceHub.Api.Tests.Media;

/// <summary>Upload a deck → the worker extracts its text into resource_texts → search finds a sentence that is only on a slide
/// and shows a snippet of it.</summary>
public abstract class FileTextSearchTests(string provider) : IAsyncLifetime
{
    private const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    private TestDatabase _db = null!;
    private ApiFactory _api = null!;
    private HttpClient _vendor = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        _api = await ApiFactory.StartAsync(_db, new Dictionary<string, string?>
        {
            ["ResourceHub:Jobs:PollSeconds"] = "0.2",
            ["ResourceHub:Jobs:HeartbeatSeconds"] = "0.5",
        });
        _vendor = _api.ClientAs("alice", "vendor", "acme");
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    protected async Task A_sentence_only_on_a_slide_finds_its_resource()
    {
        var deck = await CreateAsync(_vendor);
        await UploadAsync(_vendor, deck, OfficeFiles.Pptx(("复习导入", null), ("用赵爽弦图拼出四个全等的直角三角形", "板书要点")), Pptx, "勾股定理.pptx");
        var other = await CreateAsync(_vendor);
        await UploadAsync(_vendor, other, OfficeFiles.Pptx(("本节课复习一元二次方程的解法", null)), Pptx, "方程.pptx");
        foreach (var id in new[] { deck, other })
            Assert.Equal("succeeded", (await WaitForJobAsync(_vendor, id)).GetProperty("State").GetString());
        await _db.IndexedAsync();

        await using (var db = _db.CreateContext())
            Assert.Contains("赵爽弦图", db.ResourceTexts.Single(t => t.ResourceId == deck).Text);
        Assert.Equal([deck], await SearchAsync("用赵爽弦图拼出四个全等的直角三角形"));
        // The hit says where it matched: a snippet of the slide text with the words marked (the title and description do not match).
        var hit = Assert.Single(await ListAsync(_vendor, "/odata/Resources?$search=" + Uri.EscapeDataString("用赵爽弦图拼出四个全等的直角三角形")));
        var highlights = hit.GetProperty("@ResourceHub.highlights");
        Assert.Equal(["Content"], highlights.EnumerateObject().Select(p => p.Name));
        var snippet = highlights.GetProperty("Content").GetString()!;
        Assert.Contains("<em>", snippet);
        Assert.Contains("用赵爽弦图拼出四个全等的直角三角形", snippet.Replace("<em>", "").Replace("</em>", ""));
        Assert.Equal([other], await SearchAsync("一元二次方程的解法"));
        Assert.Empty(await SearchAsync("光合作用的暗反应"));
    }

    private async Task<List<Guid>> SearchAsync(string text) =>
        (await ListAsync(_vendor, "/odata/Resources?$search=" + Uri.EscapeDataString(text)))
        .Select(e => e.GetProperty("Id").GetGuid()).ToList();
}

public sealed class SqliteFileTextSearchTests() : FileTextSearchTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Slide_sentence_is_searchable() => A_sentence_only_on_a_slide_finds_its_resource();
}

public sealed class PostgresFileTextSearchTests() : FileTextSearchTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Slide_sentence_is_searchable() => A_sentence_only_on_a_slide_finds_its_resource();
}
