using System.Text.Json;
using ResourceHub.Data;
using ResourceHub.Testing;
using static ResourceHub.Api.Tests.Media.MediaApi;

namespace ResourceHub.Api.Tests.Media;

/// <summary>Upload a deck → the worker extracts its text into resource_texts → search finds a sentence that is only on a slide
/// and shows a snippet of it.</summary>
public abstract class FileTextSearchTests(string provider) : WorkerTestBase(provider)
{
    private const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

    protected async Task A_sentence_only_on_a_slide_finds_its_resource()
    {
        var deck = await CreateAsync(Vendor);
        await UploadAsync(Vendor, deck, OfficeFiles.Pptx(("复习导入", null), ("用赵爽弦图拼出四个全等的直角三角形", "板书要点")), Pptx, "勾股定理.pptx");
        var other = await CreateAsync(Vendor);
        await UploadAsync(Vendor, other, OfficeFiles.Pptx(("本节课复习一元二次方程的解法", null)), Pptx, "方程.pptx");
        foreach (var id in new[] { deck, other })
            Assert.Equal("succeeded", (await WaitForJobAsync(Vendor, id)).GetProperty("State").GetString());
        await Db.IndexedAsync();

        await using (var db = Db.CreateContext())
            Assert.Contains("赵爽弦图", db.ResourceTexts.Single(t => t.ResourceId == deck).Text);
        Assert.Equal([deck], await SearchAsync("用赵爽弦图拼出四个全等的直角三角形"));
        // The hit says where it matched: a snippet of the slide text with the words marked (the title and description do not match).
        var hit = Assert.Single(await ListAsync(Vendor, "/odata/Resources?$search=" + Uri.EscapeDataString("用赵爽弦图拼出四个全等的直角三角形")));
        var highlights = hit.GetProperty("@ResourceHub.highlights");
        Assert.Equal(["Content"], highlights.EnumerateObject().Select(p => p.Name));
        var snippet = highlights.GetProperty("Content").GetString()!;
        Assert.Contains("<em>", snippet);
        Assert.Contains("用赵爽弦图拼出四个全等的直角三角形", snippet.Replace("<em>", "").Replace("</em>", ""));
        Assert.Equal([other], await SearchAsync("一元二次方程的解法"));
        Assert.Empty(await SearchAsync("光合作用的暗反应"));
    }

    private async Task<List<Guid>> SearchAsync(string text) =>
        (await ListAsync(Vendor, "/odata/Resources?$search=" + Uri.EscapeDataString(text)))
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
