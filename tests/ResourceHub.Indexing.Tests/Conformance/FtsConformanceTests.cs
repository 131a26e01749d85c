using ResourceHub.Indexing.Fts;
using ResourceHub.Testing;

namespace ResourceHub.Indexing.Tests.Conformance;

public sealed class FtsFixture : SearchFixture
{
    protected override Task<ISearchIndex> CreateIndexAsync(TestDatabase db) =>
        Task.FromResult<ISearchIndex>(new FtsSearchIndex(Path.Combine(db.DataDir, "search", "index.db")));
}

/// <summary>The same engine with every search ranked in tiers, as searches with very many matches are.</summary>
public sealed class FtsTieredFixture : SearchFixture
{
    protected override Task<ISearchIndex> CreateIndexAsync(TestDatabase db) =>
        Task.FromResult<ISearchIndex>(new FtsSearchIndex(Path.Combine(db.DataDir, "search", "index.db"), exactRankingBudget: 0));
}

public sealed class FtsConformanceTests(FtsFixture fixture) : SearchConformanceTests(fixture), IClassFixture<FtsFixture>;

public sealed class FtsTieredConformanceTests(FtsTieredFixture fixture) : SearchConformanceTests(fixture), IClassFixture<FtsTieredFixture>;
