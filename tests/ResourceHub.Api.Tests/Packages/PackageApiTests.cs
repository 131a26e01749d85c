using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Packages;

/// <summary>
/// 资源包 and 备课篮 over HTTP on each database and blob store: the ZIP's layout and bytes, Range resume,
/// ETag and Content-Length, what a reader may see inside a package, the UTF-8 name flag, roles and counts.
/// </summary>
public abstract class PackageApiTests(string provider, Func<IDictionary<string, string?>> settings)
    : ApiTest(provider, () => new Dictionary<string, string?>(settings()) { ["ResourceHub:Role"] = "api" })
{
    private HttpClient Alice => Api.ClientAs("alice", "vendor", "acme");
    private HttpClient Tom => Api.ClientAs("tom", "teacher", "acme");
    private HttpClient Eve => Api.ClientAs("eve", "teacher", "north");

    private sealed record Item(Guid Id, byte[] Bytes);

    private async Task<Item> ResourceAsync(string title, string kind, int size, bool published)
    {
        var created = await Alice.PostAsJsonAsync("/odata/Resources", new { Kind = kind, Title = title, Subject = "math", Stage = "primary" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bytes = TestFiles.Pdf(size, size % 97);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        content.Headers.ContentDisposition = ContentDispositionHeaderValue.Parse("attachment; filename*=UTF-8''%E5%9C%86.pdf");
        var put = await Alice.PutAsync(created.Headers.Location + "/$value", content);
        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var id = Guid.Parse((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("Id").GetString()!);
        if (published)
        {
            await using var db = Db.CreateContext();
            await db.Resources.Where(r => r.Id == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, ResourceStatus.Published));
        }
        return new Item(id, bytes);
    }

    /// <summary>
    /// Alice's package: 第一单元 = [draft, published], 第二单元 = [published video-ish file]. <paramref name="published"/>
    /// sets it live directly (as if reviewed), so others may read it; a draft is only its owner's.
    /// </summary>
    private async Task<(Guid Package, Item Draft, Item Shared, Item Second)> PackageAsync(bool published = false)
    {
        var draft = await ResourceAsync("圆的面积（草稿）", "courseware", 150_000, published: false);
        var shared = await ResourceAsync("圆的面积：教学设计", "lesson-design", 90_000, published: true);
        var second = await ResourceAsync("圆/周长?课件", "courseware", 300_000, published: true);
        var created = await Alice.PostAsJsonAsync("/odata/Packages", new
        {
            Title = "六年级《圆》单元资源包", Description = "**单元**说明", Subject = "math", Stage = "primary",
            Sections = new object[]
            {
                new { Title = "第一单元", ResourceIds = new[] { draft.Id, shared.Id } },
                new { Title = "第二单元", ResourceIds = new[] { second.Id } },
            },
        });
        var text = await created.Content.ReadAsStringAsync();
        Assert.True(created.StatusCode == HttpStatusCode.Created, text);
        var id = Guid.Parse(JsonDocument.Parse(text).RootElement.GetProperty("Id").GetString()!);
        if (published)
        {
            // A resource withdrawn after the package went live: readers' ZIPs and outlines leave it out.
            await using var db = Db.CreateContext();
            await db.Set<ResourceHub.Domain.Packages.Package>().Where(p => p.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ResourceStatus.Published));
        }
        return (id, draft, shared, second);
    }

    private static async Task<byte[]> Bytes(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static Dictionary<string, byte[]> Entries(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            var m = new MemoryStream();
            s.CopyTo(m); // .NET checks each entry's CRC-32 as it reads to the end
            return m.ToArray();
        });
    }

    [Fact]
    public async Task The_zip_is_laid_out_by_section_with_contents_manifest_and_list()
    {
        var (package, draft, shared, second) = await PackageAsync();
        var response = await Alice.GetAsync($"/media/packages/{package}.zip");
        var zip = await Bytes(response);
        Assert.Equal("application/zip", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(zip.Length, response.Content.Headers.ContentLength);

        var entries = Entries(zip);
        Assert.Equal(
            ["01 第一单元/01 圆的面积（草稿）.pdf", "01 第一单元/02 圆的面积：教学设计.pdf", "02 第二单元/01 圆_周长_课件.pdf", "目录.html", "manifest.json", "清单.csv"],
            entries.Keys.ToArray());
        Assert.Equal(draft.Bytes, entries["01 第一单元/01 圆的面积（草稿）.pdf"]);
        Assert.Equal(shared.Bytes, entries["01 第一单元/02 圆的面积：教学设计.pdf"]);
        Assert.Equal(second.Bytes, entries["02 第二单元/01 圆_周长_课件.pdf"]);

        var html = Encoding.UTF8.GetString(entries["目录.html"]);
        Assert.Contains("<meta charset=\"utf-8\">", html);
        Assert.Contains("六年级《圆》单元资源包", html);
        Assert.Contains("**单元**说明", html); // shown as text, never as markup
        var manifest = JsonDocument.Parse(entries["manifest.json"]).RootElement.GetProperty("files");
        Assert.Equal(3, manifest.GetArrayLength());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(shared.Bytes)), manifest[1].GetProperty("sha256").GetString());
        Assert.Equal(shared.Id.ToString(), manifest[1].GetProperty("sourceId").GetString());
        Assert.Equal("lesson-design", manifest[1].GetProperty("kind").GetString());
        var csv = Encoding.UTF8.GetString(entries["清单.csv"]).Split("\r\n");
        Assert.StartsWith("\uFEFF文件,标题,类型,学科,学段,推荐级别,SHA-256,资源编号,许可", csv[0]);
        Assert.Contains("\"数学\"", csv[2]);
        Assert.Contains(Convert.ToHexStringLower(SHA256.HashData(second.Bytes)), csv[3]);

        if (File.Exists("/usr/bin/unzip"))
        {
            var path = Path.Combine(Path.GetTempPath(), $"rh-pkg-{Guid.NewGuid():N}.zip");
            await File.WriteAllBytesAsync(path, zip);
            try
            {
                using var unzip = Process.Start(new ProcessStartInfo("/usr/bin/unzip", ["-t", path]) { RedirectStandardOutput = true })!;
                var output = await unzip.StandardOutput.ReadToEndAsync();
                await unzip.WaitForExitAsync();
                Assert.True(unzip.ExitCode == 0, output);
                Assert.Contains("No errors detected", output);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public async Task Every_name_in_the_central_directory_is_utf8_flagged()
    {
        var (package, _, _, _) = await PackageAsync();
        var zip = await Bytes(await Alice.GetAsync($"/media/packages/{package}.zip"));
        var eocd = zip.AsSpan().LastIndexOf(new byte[] { 0x50, 0x4b, 0x05, 0x06 });
        var count = BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(eocd + 10));
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(eocd + 16));
        var names = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var header = zip.AsSpan(offset);
            Assert.Equal(0x02014b50u, BinaryPrimitives.ReadUInt32LittleEndian(header));
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(header[8..]);
            Assert.Equal(0x0800, flags & 0x0800);
            Assert.Equal(0, BinaryPrimitives.ReadUInt16LittleEndian(header[10..])); // STORED
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(header[28..]);
            var extra = BinaryPrimitives.ReadUInt16LittleEndian(header[30..]);
            var comment = BinaryPrimitives.ReadUInt16LittleEndian(header[32..]);
            var localOffset = (int)BinaryPrimitives.ReadUInt32LittleEndian(header[42..]);
            Assert.Equal(0x0800, BinaryPrimitives.ReadUInt16LittleEndian(zip.AsSpan(localOffset + 6)) & 0x0800);
            names.Add(new UTF8Encoding(false, true).GetString(header.Slice(46, nameLength)));
            offset += 46 + nameLength + extra + comment;
        }
        Assert.Contains("01 第一单元/02 圆的面积：教学设计.pdf", names);
        Assert.Contains("目录.html", names);
    }

    [Fact]
    public async Task An_interrupted_download_resumes_byte_identical_with_range_and_etag()
    {
        var (package, _, _, _) = await PackageAsync();
        var url = $"/media/packages/{package}.zip";
        var head = await Alice.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        var etag = head.Headers.ETag!.ToString();
        Assert.False(head.Headers.ETag.IsWeak);
        Assert.Equal("bytes", head.Headers.AcceptRanges.Single());
        var full = await Bytes(await Alice.GetAsync(url));
        Assert.Equal(full.Length, head.Content.Headers.ContentLength);

        foreach (var cut in new[] { 1, 100, full.Length / 2, full.Length - 10 })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Range = new RangeHeaderValue(cut, null);
            request.Headers.TryAddWithoutValidation("If-Range", etag);
            var partial = await Alice.SendAsync(request);
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal($"bytes {cut}-{full.Length - 1}/{full.Length}", partial.Content.Headers.ContentRange!.ToString());
            Assert.Equal(full[cut..], await partial.Content.ReadAsByteArrayAsync());
        }

        var middle = new HttpRequestMessage(HttpMethod.Get, url);
        middle.Headers.Range = new RangeHeaderValue(1000, 150_999);
        Assert.Equal(full[1000..151_000], await (await Alice.SendAsync(middle)).Content.ReadAsByteArrayAsync());

        var stale = new HttpRequestMessage(HttpMethod.Get, url);
        stale.Headers.Range = new RangeHeaderValue(100, null);
        stale.Headers.TryAddWithoutValidation("If-Range", "\"zip-older\"");
        var whole = await Alice.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(full, await whole.Content.ReadAsByteArrayAsync());

        var beyond = new HttpRequestMessage(HttpMethod.Get, url);
        beyond.Headers.Range = new RangeHeaderValue(full.Length, null);
        var refused = await Alice.SendAsync(beyond);
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, refused.StatusCode);
        Assert.Equal($"bytes */{full.Length}", refused.Content.Headers.ContentRange!.ToString());

        var cached = new HttpRequestMessage(HttpMethod.Get, url);
        cached.Headers.TryAddWithoutValidation("If-None-Match", etag);
        Assert.Equal(HttpStatusCode.NotModified, (await Alice.SendAsync(cached)).StatusCode);

        // Same package, same bytes: a later download (e.g. a resume next day) sees the same ETag.
        Assert.Equal(etag, (await Alice.SendAsync(new HttpRequestMessage(HttpMethod.Head, url))).Headers.ETag!.ToString());
    }

    [Fact]
    public async Task A_reader_gets_only_what_they_may_see_and_outsiders_get_nothing()
    {
        var (draftPackage, _, _, _) = await PackageAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await Tom.GetAsync($"/odata/Packages({draftPackage})")).StatusCode); // a draft is its owner's
        var (package, _, _, _) = await PackageAsync(published: true);
        var entries = Entries(await Bytes(await Tom.GetAsync($"/media/packages/{package}.zip")));
        Assert.Equal(["01 第一单元/01 圆的面积：教学设计.pdf", "02 第二单元/01 圆_周长_课件.pdf", "目录.html", "manifest.json", "清单.csv"],
            entries.Keys.ToArray());
        Assert.DoesNotContain("草稿", Encoding.UTF8.GetString(entries["目录.html"]));
        Assert.DoesNotContain("草稿", Encoding.UTF8.GetString(entries["manifest.json"]));

        var outline = await (await Tom.GetAsync($"/odata/Packages({package})?$expand=Sections")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, outline.GetProperty("Sections")[0].GetProperty("ResourceIds").GetArrayLength());

        Assert.Equal(HttpStatusCode.NotFound, (await Eve.GetAsync($"/media/packages/{draftPackage}.zip")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Eve.GetAsync($"/odata/Packages({draftPackage})")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().GetAsync($"/media/packages/{package}.zip")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.CreateClient().GetAsync("/media/basket.zip")).StatusCode);
    }

    [Fact]
    public async Task Only_the_author_vendor_or_region_admin_changes_a_package()
    {
        var (package, _, shared, second) = await PackageAsync();
        var url = $"/odata/Packages({package})";
        var reorder = new { Sections = new object[] { new { Title = "合并", ResourceIds = new[] { second.Id, shared.Id } } } };
        Assert.Equal(HttpStatusCode.NotFound, (await Tom.PatchAsJsonAsync(url, reorder)).StatusCode); // a colleague's draft is not his to see
        Assert.Equal(HttpStatusCode.NotFound, (await Eve.PatchAsJsonAsync(url, reorder)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Tom.DeleteAsync(url)).StatusCode);
        var (live, _, _, _) = await PackageAsync(published: true);
        Assert.Equal(HttpStatusCode.Forbidden, (await Tom.PatchAsJsonAsync($"/odata/Packages({live})", reorder)).StatusCode); // he reads it, not changes it
        Assert.Equal(HttpStatusCode.Forbidden, (await Tom.DeleteAsync($"/odata/Packages({live})")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Alice.PatchAsJsonAsync($"/odata/Packages({live})", reorder)).StatusCode); // live: frozen as reviewed

        var patched = await Alice.PatchAsJsonAsync(url, reorder);
        Assert.True(patched.StatusCode == HttpStatusCode.NoContent, await patched.Content.ReadAsStringAsync());
        var entries = Entries(await Bytes(await Alice.GetAsync($"/media/packages/{package}.zip")));
        Assert.Equal(["01 合并/01 圆_周长_课件.pdf", "01 合并/02 圆的面积：教学设计.pdf"], entries.Keys.Take(2).ToArray());

        var stale = new HttpRequestMessage(HttpMethod.Patch, url) { Content = JsonContent.Create(new { Title = "新标题" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", "W/\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await Alice.SendAsync(stale)).StatusCode);

        var bad = await Alice.PostAsJsonAsync("/odata/Packages", new
        {
            Title = "", Subject = "nope", Stage = "primary",
            Sections = new object[] { new { Title = "一", ResourceIds = new[] { Guid.NewGuid() } } },
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
        Assert.Contains("标题不能为空", error.GetProperty("message").GetString());
        var targets = error.GetProperty("details").EnumerateArray().Select(d => d.GetProperty("target").GetString()).ToList();
        Assert.Contains("Subject", targets);
        Assert.Contains("Sections[0]/ResourceIds[0]", targets);

        Assert.Equal(HttpStatusCode.NoContent, (await Alice.DeleteAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Alice.GetAsync($"/media/packages/{package}.zip")).StatusCode);
    }

    [Fact]
    public async Task Every_item_of_a_download_counts_once_and_a_resumed_part_does_not()
    {
        var (package, draft, shared, second) = await PackageAsync(published: true);
        var url = $"/media/packages/{package}.zip";
        await Bytes(await Alice.GetAsync(url));
        var resume = new HttpRequestMessage(HttpMethod.Get, url);
        resume.Headers.Range = new RangeHeaderValue(500, null);
        await Bytes(await Alice.SendAsync(resume));
        await Bytes(await Tom.GetAsync(url));

        await using var db = Db.CreateContext();
        var downloads = await db.Set<ResourceHub.Domain.Curation.ResourceStats>().AsNoTracking()
            .ToDictionaryAsync(s => s.ResourceId, s => s.Downloads);
        Assert.Equal(1, downloads[draft.Id]);    // Alice only: Tom's ZIP leaves it out
        Assert.Equal(2, downloads[shared.Id]);
        Assert.Equal(2, downloads[second.Id]);
    }

    [Fact]
    public async Task The_basket_collects_resources_downloads_by_stage_subject_kind_and_becomes_a_draft_package()
    {
        var a = await ResourceAsync("圆的面积：教学设计", "lesson-design", 80_000, published: true);
        var b = await ResourceAsync("圆的周长", "courseware", 60_000, published: true);
        var hidden = await ResourceAsync("草稿", "courseware", 50_000, published: false);
        foreach (var id in new[] { a.Id, b.Id, a.Id })
            Assert.Equal(HttpStatusCode.Created, (await Tom.PostAsJsonAsync("/odata/BasketItems", new { ResourceId = id })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Tom.PostAsJsonAsync("/odata/BasketItems", new { ResourceId = hidden.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Tom.PostAsJsonAsync("/odata/BasketItems", new { ResourceId = "x" })).StatusCode);

        var list = await (await Tom.GetAsync("/odata/BasketItems?$expand=Resource($select=Title,Size)")).Content.ReadFromJsonAsync<JsonElement>();
        var lines = list.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal(a.Bytes.Length + b.Bytes.Length, lines.Sum(l => l.GetProperty("Resource").GetProperty("Size").GetInt64()));
        Assert.Empty((await (await Eve.GetAsync("/odata/BasketItems")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").EnumerateArray());

        var entries = Entries(await Bytes(await Tom.GetAsync("/media/basket.zip")));
        Assert.Equal(["小学/数学/教学设计/01 圆的面积：教学设计.pdf", "小学/数学/课件/01 圆的周长.pdf"],
            entries.Keys.Where(k => k.Contains('/')).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(b.Bytes, entries["小学/数学/课件/01 圆的周长.pdf"]);

        var saved = await Tom.PostAsJsonAsync("/odata/Packages", new { FromBasket = true, Title = "我的《圆》备课" });
        Assert.Equal(HttpStatusCode.Created, saved.StatusCode);
        var created = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("draft", created.GetProperty("Status").GetString());
        Assert.Equal("math", created.GetProperty("Subject").GetString());
        var packageZip = Entries(await Bytes(await Tom.GetAsync($"/media/packages/{created.GetProperty("Id").GetString()}.zip")));
        Assert.Equal(["01 备课篮/01 圆的面积：教学设计.pdf", "01 备课篮/02 圆的周长.pdf"], packageZip.Keys.Take(2).ToArray());

        Assert.Equal(HttpStatusCode.NoContent, (await Tom.DeleteAsync($"/odata/BasketItems({a.Id})")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Tom.DeleteAsync($"/odata/BasketItems({a.Id})")).StatusCode);
        Assert.Single((await (await Tom.GetAsync("/odata/BasketItems")).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").EnumerateArray());
    }
}

public sealed class SqliteLocalPackageApiTests() : PackageApiTests(DatabaseOptions.Sqlite, () => new Dictionary<string, string?>());

[Trait("Provider", "postgres")]
public sealed class PostgresLocalPackageApiTests() : PackageApiTests(DatabaseOptions.Postgres, () => new Dictionary<string, string?>());

[Trait("BlobStore", "s3")]
public sealed class SqliteS3PackageApiTests() : PackageApiTests(DatabaseOptions.Sqlite, TestEnvironment.S3Settings);

[Trait("Provider", "postgres")]
[Trait("BlobStore", "s3")]
public sealed class PostgresS3PackageApiTests() : PackageApiTests(DatabaseOptions.Postgres, TestEnvironment.S3Settings);
