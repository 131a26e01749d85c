using ResourceHub.Indexing.Fts;
using ResourceHub.Testing;

namespace ResourceHub.Indexing.Tests.Conformance;

public sealed class FtsFixture : SearchFixture
{
    protected override Task<ISearchIndex> CreateIndexAsync(TestDatabase db) =>
        Task.FromResult<ISearchIndex>(new FtsSearchIndex(Path.Combine(db.DataDir, "search", "index.db")));
}

public sealed class FtsConformanceTests(FtsFixture fixture) : SearchConformanceTests(fixture), IClassFixture<FtsFixture>;
