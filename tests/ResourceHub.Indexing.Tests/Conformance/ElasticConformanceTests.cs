using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Elastic;
using ResourceHub.Indexing.Tests.Support;
using ResourceHub.Testing;

namespace ResourceHub.Indexing.Tests.Conformance;

/// <summary>The same suite against a real Elasticsearch 9 (ES_URL); a throw-away alias per run.</summary>
public sealed class ElasticFixture : SearchFixture
{
    private readonly SearchOptions _options = ElasticEnvironment.Options("rh-conformance-" + Guid.NewGuid().ToString("N")[..8]);
    private ElasticConnection? _client;

    protected override bool Available => ElasticEnvironment.Url is not null;

    protected override Task<ISearchIndex> CreateIndexAsync(TestDatabase db)
    {
        _client = ElasticConnection.Create(_options);
        // Refresh on write so each test sees what the fixture just indexed.
        return Task.FromResult<ISearchIndex>(new ElasticSearchIndex(_client, _options, new RankingBoost(), refreshOnWrite: true));
    }

    public override async Task DisposeAsync()
    {
        if (_client is not null)
            await _client.DeleteAsync(_options.IndexName + "-*", CancellationToken.None);
        await base.DisposeAsync();
    }
}

[RequiresElasticsearch]
public sealed class ElasticConformanceTests(ElasticFixture fixture) : SearchConformanceTests(fixture), IClassFixture<ElasticFixture>;
