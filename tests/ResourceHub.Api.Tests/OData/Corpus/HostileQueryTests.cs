using System.Net;
using System.Text.Json;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.OData.Corpus;

/// <summary>One SQLite-backed API with a few resources, shared by every corpus case.</summary>
public sealed class CorpusApi : IAsyncLifetime
{
    private TestDatabase _db = null!;
    public ApiFactory Api { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using (var context = _db.CreateContext())
        {
            context.Organizations.AddRange(ResourceSeed.Organizations());
            context.Resources.AddRange(ResourceSeed.Resources(50));
            await context.SaveChangesAsync();
        }
        Api = await ApiFactory.StartAsync(_db);
        Client = Api.ClientAs("root", "admin", ResourceSeed.PlatformOrg);
    }

    public async Task DisposeAsync()
    {
        await Api.DisposeAsync();
        await _db.DisposeAsync();
    }
}

/// <summary>
/// Hundreds of malformed, hostile and odd query strings (OData/Corpus/hostile-queries.txt): none
/// may produce a 5xx; each answers either a success with a value array or a well-formed OData error.
/// </summary>
public sealed class HostileQueryTests(CorpusApi fixture) : IClassFixture<CorpusApi>
{
    private static readonly int[] ClientErrors = [400, 404, 405, 406, 412, 414, 415, 501];

    public static TheoryData<int, string> Corpus()
    {
        var data = new TheoryData<int, string>();
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "OData", "Corpus", "hostile-queries.txt"));
        for (var i = 0; i < lines.Length; i++)
            if (lines[i].Length > 0 && !lines[i].StartsWith('#'))
                data.Add(i + 1, lines[i]);
        return data;
    }

    [Fact]
    public void Corpus_has_at_least_300_cases() => Assert.True(Corpus().Count >= 300);

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task Answers_without_5xx_and_with_a_well_formed_body(int line, string query)
    {
        var response = await fixture.Client.GetAsync("/odata/Resources?" + query);
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500 || status == 501, $"line {line}: {status} {body}");
        using var json = JsonDocument.Parse(body);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("value").ValueKind);
            return;
        }
        Assert.Contains(status, ClientErrors);
        var error = json.RootElement.GetProperty("error");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("code").GetString()), $"line {line}: no code");
        Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()), $"line {line}: no message");
        Assert.Equal(JsonValueKind.Array, error.GetProperty("details").ValueKind);
        Assert.Equal("4.0", response.Headers.GetValues("OData-Version").Single());
    }
}
