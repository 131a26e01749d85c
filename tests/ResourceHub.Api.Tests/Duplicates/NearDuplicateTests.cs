using System.Net.Http.Json;
using System.Text.Json;
using ResourceHub.Api.Tests.Media;
using ResourceHub.Data;
using ResourceHub.Application.Duplicates;
using ResourceHub.Domain.Duplicates;
using ResourceHub.Testing;
using static ResourceHub.Api.Tests.Media.MediaApi;

namespace ResourceHub.Api.Tests.Duplicates;

/// <summary>
/// Uploads through the API, the worker fingerprints each file after processing it: copies of a clip (re-encoded
/// at 480p, 5 s cut from the start), decks with nearly the same text and items with the same title are found;
/// a different clip, deck or title is not.
/// </summary>
public abstract class NearDuplicateTests(string provider) : IAsyncLifetime
{
    private const string Pptx = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    private TestDatabase _db = null!;
    private ApiFactory _api = null!;
    private HttpClient _vendor = null!;
    private readonly TestClips _clips = new();

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
        _clips.Dispose();
    }

    private async Task<Guid> UploadedAsync(string title, byte[] bytes, string contentType, string fileName)
    {
        var response = await _vendor.PostAsJsonAsync("/odata/Resources", new { Kind = "micro-lesson", Title = title, Subject = "math", Stage = "primary" });
        response.EnsureSuccessStatusCode();
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("Id").GetGuid();
        await UploadAsync(_vendor, id, bytes, contentType, fileName);
        Assert.Equal("succeeded", (await WaitForJobAsync(_vendor, id, TimeSpan.FromSeconds(240))).GetProperty("State").GetString());
        return id;
    }

    private async Task<Dictionary<Guid, (string Method, double Score)>> MatchesAsync(Guid id) =>
        (await ListAsync(_vendor, $"/odata/Resources({id})/Duplicates"))
        .ToDictionary(m => m.GetProperty("OtherResourceId").GetGuid(), m => (m.GetProperty("Method").GetString()!, m.GetProperty("Score").GetDouble()));

    protected async Task Copies_of_a_clip_are_found_and_another_clip_is_not()
    {
        var original = _clips.Make("zoom.mp4", "-f lavfi -i mandelbrot=size=640x360:rate=10 -t 20 -c:v libx264 -preset ultrafast -pix_fmt yuv420p");
        var small = _clips.Make("zoom-480p.mp4", $"-i \"{original}\" -vf scale=854:480 -c:v libx264 -crf 32 -preset ultrafast");
        var cut = _clips.Make("zoom-cut.mp4", $"-ss 5 -i \"{original}\" -c:v libx264 -crf 28 -preset ultrafast");
        var other = _clips.Make("life.mp4", "-f lavfi -i life=size=640x360:rate=10:mold=10:ratio=0.1 -t 20 -c:v libx264 -preset ultrafast -pix_fmt yuv420p");

        var a = await UploadedAsync("分数的意义", await File.ReadAllBytesAsync(original), "video/mp4", "原片.mp4");
        var b = await UploadedAsync("平行四边形的面积", await File.ReadAllBytesAsync(small), "video/mp4", "压缩.mp4");
        var c = await UploadedAsync("三角形的内角和", await File.ReadAllBytesAsync(cut), "video/mp4", "剪辑.mp4");
        var d = await UploadedAsync("小数的加减法", await File.ReadAllBytesAsync(other), "video/mp4", "其他.mp4");

        var found = await MatchesAsync(a);
        Assert.Equal(DuplicateMethods.Video, found[b].Method);
        Assert.Equal(DuplicateMethods.Video, found[c].Method);
        Assert.True(found[b].Score > 0.8, $"480p copy scored {found[b].Score}");
        Assert.False(found.ContainsKey(d));
        Assert.Empty(await MatchesAsync(d));
        Assert.Contains(a, (await MatchesAsync(c)).Keys);
    }

    protected async Task Decks_with_nearly_the_same_text_and_items_with_the_same_title_are_found()
    {
        static string Lesson(string change) => string.Concat(Enumerable.Range(1, 12).Select(i =>
            $"环节{i}：学生用割补法把圆转化成近似的长方形，推导圆的面积公式，{change}体会转化的数学思想。"));
        var deck = await UploadedAsync("圆的面积 课件", OfficeFiles.Pptx((Lesson(""), "板书")), Pptx, "圆.pptx");
        var edited = await UploadedAsync("用割补法推导面积", OfficeFiles.Pptx((Lesson("并").Replace("环节3", "第三环节"), null)), Pptx, "圆2.pptx");
        var unrelated = await UploadedAsync("光合作用", OfficeFiles.Pptx(("叶绿体吸收光能，把二氧化碳和水合成有机物并释放氧气，这是光合作用的光反应和暗反应两个阶段。", null)), Pptx, "光.pptx");
        var sameTitle = await UploadedAsync("《圆的面积》课件", OfficeFiles.Pptx(("复习圆的周长，认识半径和直径。", null)), Pptx, "圆3.pptx");

        var found = await MatchesAsync(deck);
        Assert.Equal(DuplicateMethods.Text, found[edited].Method);
        Assert.True(found[edited].Score >= NearDuplicates.MinTextSimilarity);
        Assert.Equal((DuplicateMethods.Title, 1.0), found[sameTitle]);
        Assert.False(found.ContainsKey(unrelated));
        Assert.Empty(await MatchesAsync(unrelated));
    }
}

public sealed class SqliteNearDuplicateTests() : NearDuplicateTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Video_copies() => Copies_of_a_clip_are_found_and_another_clip_is_not();
    [Fact] public Task Text_and_title() => Decks_with_nearly_the_same_text_and_items_with_the_same_title_are_found();
}

public sealed class PostgresNearDuplicateTests() : NearDuplicateTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Video_copies() => Copies_of_a_clip_are_found_and_another_clip_is_not();
    [PostgresFact] public Task Text_and_title() => Decks_with_nearly_the_same_text_and_items_with_the_same_title_are_found();
}
