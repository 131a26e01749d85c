using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using ResourceHub.Api.Search;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Indexing.Tests.Api;

/// <summary>Search through the real API: outbox → background indexer → GET /odata/Resources?$search=….</summary>
public sealed class SearchApiTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ApiFactory _api = null!;
    private HttpClient _teacher = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        _api = await ApiFactory.StartAsync(_db, new Dictionary<string, string?> { ["ResourceHub:Search:Indexer:PollMilliseconds"] = "20", ["Logging:LogLevel:Default"] = "Warning" });
        _teacher = _api.ClientAs("tina", "teacher", "school9");
        await using var db = _db.CreateContext();
        db.Organizations.Add(new ResourceHub.Domain.Organizations.Organization { Code = "province", Name = "省教育厅", Kind = "region", Tier = "province" });
        void Add(string title, string subject, string stage, string status = ResourceStatus.Published, string? description = null) =>
            db.Resources.Add(new Resource
            {
                Id = Guid.NewGuid(), Title = title, Subject = subject, Stage = stage, Kind = "courseware", Status = status, Description = description,
                OwnerOrg = "acme", CreatedBy = "alice", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow, Tags = ["示例"],
            });
        Add("分数的初步认识", "math", "primary", description: "通过**折纸**理解分数");
        Add("分数加法", "math", "primary");
        Add("分数乘法", "math", "junior");
        Add("分数的物理应用", "physics", "junior");
        Add("未发布的分数草稿", "math", "primary", ResourceStatus.Draft);
        Add("圆的面积", "math", "primary", description: "用**割补法**推导面积公式");
        Add("平行四边形面积公式推导", "math", "senior");
        var circle = db.ChangeTracker.Entries<Resource>().Single(e => e.Entity.Title == "圆的面积").Entity;
        circle.TrainingProject = "国培计划2026";
        circle.Workshop = "小学数学工作坊";
        circle.File = new ResourceFile
        {
            FileName = "圆的面积.pptx", ContentType = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            Size = 12345, Sha256 = new string('a', 64), BlobKey = "resources/x/original", UploadedAt = DateTime.UtcNow,
        };
        await db.SaveChangesAsync();
        await IndexedAsync();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    private Task IndexedAsync() => _db.IndexedAsync();

    private async Task<JsonElement> GetJson(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static List<string> Titles(JsonElement json) =>
        json.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("Title").GetString()!).ToList();

    [Fact]
    public async Task Search_returns_visible_hits_with_score_highlights_and_count()
    {
        var json = await GetJson(_teacher, "/odata/Resources?$search=分数&$count=true");
        var titles = Titles(json);
        Assert.Equal(4, json.GetProperty("@odata.count").GetInt64());
        Assert.Equal(4, titles.Count);
        Assert.DoesNotContain("未发布的分数草稿", titles);
        var first = json.GetProperty("value")[0];
        Assert.True(first.GetProperty("@search.score").GetDouble() > 0);
        Assert.Contains("<em>分数</em>", first.GetProperty("@ResourceHub.highlights").GetProperty("Title").GetString());
        Assert.Equal("W/\"1\"", first.GetProperty("@odata.etag").GetString());
    }

    [Fact]
    public async Task Highlights_escape_html_in_the_text_and_carry_only_their_marks()
    {
        await using (var db = _db.CreateContext())
        {
            db.Resources.Add(new Resource
            {
                Id = Guid.NewGuid(), Title = "<img src=x onerror=alert(1)> 分数", Subject = "math", Stage = "primary", Kind = "courseware",
                Status = ResourceStatus.Published, Description = "<script>alert(2)</script>分数", OwnerOrg = "acme", CreatedBy = "alice",
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        await IndexedAsync();
        var json = await GetJson(_teacher, "/odata/Resources?$search=分数&$filter=startswith(Title,'<img')");
        var hit = Assert.Single(json.GetProperty("value").EnumerateArray());
        var highlights = hit.GetProperty("@ResourceHub.highlights");
        Assert.Equal("&lt;img src=x onerror=alert(1)&gt; <em>分数</em>", highlights.GetProperty("Title").GetString());
        Assert.Equal("&lt;script&gt;alert(2)&lt;/script&gt;<em>分数</em>", highlights.GetProperty("Description").GetString());
        Assert.Equal("<img src=x onerror=alert(1)> 分数", hit.GetProperty("Title").GetString()); // the field itself is data, as stored
    }

    [Fact]
    public async Task Search_with_filter_top_and_skiptoken_paging()
    {
        var first = await GetJson(_teacher, "/odata/Resources?$search=分数&$filter=Subject eq 'math'&$top=2&$orderby=Title");
        Assert.Equal(2, Titles(first).Count);
        var next = first.GetProperty("@odata.nextLink").GetString()!;
        Assert.Contains("$skiptoken=", next);
        var second = await GetJson(_teacher, next);
        var all = Titles(first).Concat(Titles(second)).ToList();
        Assert.Equal(["分数乘法", "分数加法", "分数的初步认识"], all.Order(StringComparer.Ordinal).ToList());
        Assert.Equal(all.Order(StringComparer.Ordinal).ToList(), all);
        Assert.False(second.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task Facets_are_returned_with_chinese_names_and_counts()
    {
        var json = await GetJson(_teacher, "/odata/Resources?$search=分数&facets=Subject,Stage");
        var subjects = json.GetProperty("@ResourceHub.facets").GetProperty("Subject").EnumerateArray()
            .Select(b => (b.GetProperty("Code").GetString(), b.GetProperty("Name").GetString(), b.GetProperty("Count").GetInt64())).ToList();
        Assert.Equal([("math", "数学", 3L), ("physics", "物理", 1L)], subjects);
    }

    [Fact]
    public async Task Ticked_facet_values_narrow_hits_but_not_their_own_facet()
    {
        var json = await GetJson(_teacher, "/odata/Resources?$search=分数&facets=Subject,Stage&facet.Subject=physics");
        Assert.Equal(["分数的物理应用"], Titles(json));
        var facets = json.GetProperty("@ResourceHub.facets");
        Assert.Equal(2, facets.GetProperty("Subject").GetArrayLength());
        Assert.Equal("junior", Assert.Single(facets.GetProperty("Stage").EnumerateArray()).GetProperty("Code").GetString());
    }

    [Fact]
    public async Task Apply_groupby_counts_without_search()
    {
        var json = await GetJson(_teacher, "/odata/Resources?$apply=groupby((Subject),aggregate($count as Count))&$filter=Stage eq 'primary'");
        var rows = json.GetProperty("value").EnumerateArray().Select(r => (r.GetProperty("Subject").GetString(), r.GetProperty("Count").GetInt64())).ToList();
        Assert.Equal([("math", 3L)], rows);
    }

    private static List<string> Rows(JsonElement json) => json.GetProperty("value").EnumerateArray()
        .Select(r => string.Join("/", r.EnumerateObject().Select(p => p.Value.ToString()))).ToList();

    [Fact]
    public async Task Apply_with_search_groups_the_callers_matches()
    {
        var grouped = await GetJson(_teacher, "/odata/Resources?$search=分数&$apply=groupby((Subject,Stage),aggregate($count as N))&$orderby=N desc");
        Assert.Equal(["math/primary/2", "math/junior/1", "physics/junior/1"], Rows(grouped)); // the math draft is not the teacher's
        Assert.EndsWith("$metadata#Resources(Subject,Stage,N)", grouped.GetProperty("@odata.context").GetString());
        Assert.Equal(["physics/junior/1"], Rows(await GetJson(_teacher, "/odata/Resources?$search=分数&facet.Subject=physics&$apply=groupby((Subject,Stage),aggregate($count as N))")));
        Assert.Equal(["2"], Rows(await GetJson(_teacher, "/odata/Resources?$search=分数&$apply=filter(Stage eq 'junior')/aggregate($count as N)")));
        Assert.Equal(["3"], Rows(await GetJson(_teacher, "/odata/Resources?$search=分数&$filter=Subject eq 'math'&$apply=aggregate($count as N)")));
        var admin = _api.ClientAs("root", "admin", "province");
        Assert.Equal(["5/2"], Rows(await GetJson(admin, "/odata/Resources?$search=分数&$apply=aggregate($count as N,Subject with countdistinct as Subjects)")));
        Assert.Equal(HttpStatusCode.NotImplemented, (await _teacher.GetAsync("/odata/Resources?$search=分数&$apply=compute(Size mul 2 as S)/aggregate(S with sum as T)")).StatusCode);
    }

    [Fact]
    public async Task Apply_with_search_over_fields_the_index_lacks_groups_the_matches_in_the_database()
    {
        // Size and Workshop are not in the index: its matches' ids are grouped by the database instead.
        Assert.Equal(["12345/2"], Rows(await GetJson(_teacher, "/odata/Resources?$search=面积&$apply=aggregate(Size with sum as S,$count as N)")));
        Assert.Equal(["1"], Rows(await GetJson(_teacher, "/odata/Resources?$search=面积&$apply=filter(Workshop eq '小学数学工作坊')/aggregate($count as N)")));
        // The index's own answer for fields it holds, with the min of a time typed as one.
        var first = await GetJson(_teacher, "/odata/Resources?$search=面积&$apply=groupby((Stage),aggregate(CreatedAt with min as T))&$orderby=Stage");
        Assert.Equal(["primary", "senior"], first.GetProperty("value").EnumerateArray().Select(r => r.GetProperty("Stage").GetString()).ToList());
        Assert.True(first.GetProperty("value")[0].GetProperty("T").TryGetDateTimeOffset(out _));
    }

    [Fact]
    public async Task Count_path_with_search_counts_the_callers_matches_as_plain_text()
    {
        var response = await _teacher.GetAsync("/odata/Resources/$count?$search=分数&$filter=Subject eq 'math'");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("3", await response.Content.ReadAsStringAsync()); // the math draft is not the teacher's to see

        var admin = _api.ClientAs("root", "admin", "province");
        Assert.Equal("4", await (await admin.GetAsync("/odata/Resources/$count?$search=分数&$filter=Subject eq 'math'")).Content.ReadAsStringAsync());
        Assert.Equal("2", await (await _teacher.GetAsync("/odata/Resources/$count?$search=分数&facet.Stage=junior")).Content.ReadAsStringAsync());
        var apply = await _teacher.GetAsync("/odata/Resources/$count?$apply=groupby((Subject),aggregate($count as Count))");
        Assert.Equal(HttpStatusCode.BadRequest, apply.StatusCode);
        Assert.Contains("$apply", await apply.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("《故乡》教学设计")]
    [InlineData("Python3")]
    [InlineData("Unit 3")]
    [InlineData("2026")]
    [InlineData("\"分数的初步认识\"")]
    [InlineData("“分数”")]
    [InlineData("分数 AND OR NOT (")]
    [InlineData("分数 😀")]
    [InlineData("-")]
    [InlineData("\"")]
    [InlineData("*?~^:[]{}\\/")]
    public async Task Search_text_is_free_text_whatever_a_teacher_types(string text)
    {
        var response = await _teacher.GetAsync("/odata/Resources?$search=" + Uri.EscapeDataString(text));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_misspelt_curriculum_term_is_corrected_and_said()
    {
        var json = await GetJson(_teacher, "/odata/Resources?$search=" + Uri.EscapeDataString("平行四变形"));
        Assert.Equal("平行四边形", json.GetProperty("@ResourceHub.didYouMean").GetString());
        Assert.Equal(["平行四边形面积公式推导"], Titles(json));
        // $count counts what the rows show: the corrected search.
        Assert.Equal("1", await (await _teacher.GetAsync("/odata/Resources/$count?$search=" + Uri.EscapeDataString("平行四变形"))).Content.ReadAsStringAsync());
        Assert.False((await GetJson(_teacher, "/odata/Resources?$search=" + Uri.EscapeDataString("平行四边形"))).TryGetProperty("@ResourceHub.didYouMean", out _));
    }

    [Fact]
    public async Task Grade_and_kind_words_boost_and_come_back_as_facet_suggestions()
    {
        var json = await GetJson(_teacher, "/odata/Resources?$search=" + Uri.EscapeDataString("初一 分数 课件"));
        var suggested = json.GetProperty("@ResourceHub.suggestedFacets");
        Assert.Equal("junior", suggested.GetProperty("Stage")[0].GetProperty("Code").GetString());
        Assert.Equal("初中", suggested.GetProperty("Stage")[0].GetProperty("Name").GetString());
        Assert.Equal("g7", suggested.GetProperty("Grade")[0].GetProperty("Code").GetString());
        Assert.Equal("courseware", suggested.GetProperty("Kind")[0].GetProperty("Code").GetString());
        // A boost, not a filter: primary items are still found, the junior ones come first.
        var titles = Titles(json);
        Assert.Equal(["分数乘法", "分数的物理应用"], titles.Take(2).Order());
        Assert.Contains("分数加法", titles);
    }

    [Fact]
    public async Task Search_text_over_the_length_cap_is_400_with_a_chinese_message()
    {
        var response = await _teacher.GetAsync("/odata/Resources?$search=" + Uri.EscapeDataString(new string('分', 201)));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("搜索词最多 200 个字符", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Quotes_make_a_phrase_and_a_leading_minus_excludes()
    {
        Assert.Equal(["分数加法"], Titles(await GetJson(_teacher, "/odata/Resources?$search=" + Uri.EscapeDataString("\"分数加法\""))));
        var titles = Titles(await GetJson(_teacher, "/odata/Resources?$search=" + Uri.EscapeDataString("分数 -乘法")));
        Assert.Contains("分数加法", titles);
        Assert.DoesNotContain("分数乘法", titles);
    }

    [Fact]
    public async Task Unsupported_apply_is_501_and_unknown_facet_is_400()
    {
        Assert.Equal(HttpStatusCode.NotImplemented, (await _teacher.GetAsync("/odata/Resources?$apply=compute(Size mul 2 as Twice)/aggregate(Twice with sum as Total)")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _teacher.GetAsync("/odata/Resources?$search=分数&facets=Title")).StatusCode);
    }

    [Fact]
    public async Task Suggest_completes_titles_for_the_caller()
    {
        var json = await GetJson(_teacher, "/odata/Suggest?prefix=分数");
        var titles = json.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("Title").GetString()).ToList();
        Assert.Equal(4, titles.Count);
        Assert.DoesNotContain("未发布的分数草稿", titles);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.ClientAs(null).GetAsync("/odata/Suggest?prefix=分数")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_search_is_401()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _api.ClientAs(null).GetAsync("/odata/Resources?$search=分数")).StatusCode);
    }

    [Fact]
    public async Task A_resource_created_through_the_api_becomes_searchable()
    {
        var vendor = _api.ClientAs("alice", "vendor", "acme");
        var created = await vendor.PostAsJsonAsync("/odata/Resources", new { Kind = "micro-lesson", Title = "勾股定理微课", Subject = "math", Stage = "junior" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        await IndexedAsync();
        Assert.Equal(["勾股定理微课"], Titles(await GetJson(vendor, "/odata/Resources?$search=勾股")));
        Assert.Empty(Titles(await GetJson(_teacher, "/odata/Resources?$search=勾股"))); // still a draft
    }

    [Fact]
    public async Task An_index_of_an_older_layout_is_rebuilt_when_the_indexer_starts()
    {
        await _api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_db.DataDir, "search", "index.db")};Pooling=false"))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "UPDATE meta SET value = '1' WHERE key = 'format'";
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }

        _api = await ApiFactory.StartAsync(_db, new Dictionary<string, string?> { ["ResourceHub:Search:Indexer:PollMilliseconds"] = "20" });
        _teacher = _api.ClientAs("tina", "teacher", "school9");

        var deadline = DateTime.UtcNow.AddSeconds(20);
        HttpResponseMessage response;
        while ((response = await _teacher.GetAsync("/odata/Resources?$search=分数")).StatusCode != HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode); // until rebuilt: a clear 503, never wrong hits
            Assert.True(DateTime.UtcNow < deadline, "the index was not rebuilt");
            await Task.Delay(50);
        }
        Assert.Equal(4, Titles(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement).Count);
    }

    [Fact]
    public async Task A_hit_the_database_no_longer_shows_the_caller_is_left_out()
    {
        await using (var db = _db.CreateContext()) // behind the outbox's back: the index still says published
            Assert.Equal(1, await db.Resources.Where(r => r.Title == "分数加法").ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ResourceStatus.Draft)));

        var titles = Titles(await GetJson(_teacher, "/odata/Resources?$search=分数"));

        Assert.DoesNotContain("分数加法", titles);
        Assert.Contains("分数乘法", titles);
        Assert.Contains("分数加法", Titles(await GetJson(_api.ClientAs("alice", "vendor", "acme"), "/odata/Resources?$search=分数")));
    }

    [Fact]
    public async Task A_search_row_is_exactly_what_get_by_key_returns()
    {
        var row = (await GetJson(_teacher, "/odata/Resources?$search=圆的面积")).GetProperty("value")[0];
        var id = row.GetProperty("Id").GetString();
        var entity = await GetJson(_teacher, $"/odata/Resources({id})");
        Assert.Equal("圆的面积.pptx", row.GetProperty("FileName").GetString()); // the stored document carries the details
        Assert.Equal("用**割补法**推导面积公式", row.GetProperty("Description").GetString());
        foreach (var property in entity.EnumerateObject().Where(p => !p.Name.StartsWith('@')))
            Assert.True(row.TryGetProperty(property.Name, out var value) && value.GetRawText() == property.Value.GetRawText(),
                $"{property.Name}: search row {(row.TryGetProperty(property.Name, out var v) ? v.GetRawText() : "missing")}, entity {property.Value.GetRawText()}");
        Assert.Equal(entity.GetProperty("@odata.etag").GetString(), row.GetProperty("@odata.etag").GetString());
    }

    [Fact]
    public async Task A_hit_changed_since_it_was_indexed_shows_as_it_is_now()
    {
        await using (var db = _db.CreateContext()) // a new Version the index has not seen yet
            await db.Resources.Where(r => r.Title == "分数乘法")
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Title, "分数乘法（修订）").SetProperty(r => r.Version, r => r.Version + 1));

        var row = (await GetJson(_teacher, "/odata/Resources?$search=分数乘法")).GetProperty("value").EnumerateArray()
            .Single(e => e.GetProperty("Title").GetString()!.StartsWith("分数乘法"));

        Assert.Equal("分数乘法（修订）", row.GetProperty("Title").GetString());
        Assert.Equal("W/\"2\"", row.GetProperty("@odata.etag").GetString());
    }

    [Fact]
    public async Task A_row_still_at_its_indexed_version_is_shown_from_the_stored_document()
    {
        await using (var db = _db.CreateContext()) // a write that keeps the Version: the page does not read the row again
            await db.Resources.Where(r => r.Title == "分数乘法").ExecuteUpdateAsync(s => s.SetProperty(r => r.Title, "改过但版本未变"));

        Assert.Contains("分数乘法", Titles(await GetJson(_teacher, "/odata/Resources?$search=分数")));
    }

    [Fact]
    public async Task A_duration_the_media_worker_set_shows_without_a_reindex()
    {
        await using (var db = _db.CreateContext()) // as RenditionPublisher does: derived data, same Version
            await db.Resources.Where(r => r.Title == "圆的面积").ExecuteUpdateAsync(s => s.SetProperty(r => r.DurationSeconds, 312.5));

        var row = (await GetJson(_teacher, "/odata/Resources?$search=圆的面积")).GetProperty("value")[0];

        Assert.Equal(312.5, row.GetProperty("DurationSeconds").GetDouble());
        Assert.Equal("W/\"1\"", row.GetProperty("@odata.etag").GetString());
    }

    [Fact]
    public async Task Health_ready_includes_the_search_index()
    {
        var json = await GetJson(_api.ClientAs("ops", "admin"), "/health/ready");
        var search = json.GetProperty("checks").GetProperty("search");
        Assert.Equal("Healthy", search.GetProperty("status").GetString());
        Assert.Contains("fts", search.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Reindex_verb_rebuilds_from_the_database_with_progress()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ResourceHub:DataDir"] = _db.DataDir,
            ["ResourceHub:Database:Provider"] = _db.Provider,
            ["ResourceHub:Database:ConnectionString"] = _db.ConnectionString,
            ["ResourceHub:Search:Indexer:Enabled"] = "false",
        }).Build();
        var output = new StringWriter();
        Assert.Equal(0, await ReindexVerb.RunAsync(config, output));
        Assert.Contains("reindex: 7/7 (100%)", output.ToString());
        Assert.Contains("reindex: done, 7 resources into fts", output.ToString());
        Assert.Equal(4, Titles(await GetJson(_teacher, "/odata/Resources?$search=分数")).Count);
    }
}
