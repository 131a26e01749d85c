using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Elastic;
using ResourceHub.Indexing.Fts;
using ResourceHub.Indexing.Pipeline;
using ResourceHub.Indexing.Understanding;

namespace ResourceHub.Indexing;

public static class IndexingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the configured search engine (ResourceHub:Search:Provider = fts | elasticsearch), the
    /// outbox drainer, the rebuilder and, unless ResourceHub:Search:Indexer:Enabled=false, the
    /// background indexer.
    /// </summary>
    public static IServiceCollection AddResourceHubSearch(this IServiceCollection services, IConfiguration config, string dataDir)
    {
        var options = config.GetSection(SearchOptions.Section).Get<SearchOptions>() ?? new SearchOptions();
        var boost = new RankingBoost(options.LevelWeight, options.QualityWeight);
        services.AddSingleton(options);
        services.AddSingleton(options.Indexer);
        services.AddSingleton(boost);
        services.AddSingleton<SearchDocumentBuilder>();
        var understanding = new QueryUnderstanding(SynonymsPath(dataDir));
        services.AddSingleton(understanding);
        services.AddSingleton<ISearchIndex>(_ => Create(options, boost, dataDir, understanding));
        services.AddSingleton<IndexerStatus>();
        services.AddScoped<DocumentSync>();
        services.AddScoped<OutboxDrainer>();
        services.AddScoped<StatsRefresher>();
        services.AddScoped<IndexRebuilder>();
        if (options.Indexer.Enabled)
            services.AddHostedService<SearchIndexer>();
        return services;
    }

    /// <summary>The admins' synonym file, added to the shipped list (see Understanding/SynonymSet).</summary>
    public static string SynonymsPath(string dataDir) => Path.Combine(dataDir, "search", "synonyms.txt");

    public static ISearchIndex Create(SearchOptions options, RankingBoost boost, string dataDir, QueryUnderstanding? understanding = null) =>
        options.Provider.ToLowerInvariant() switch
        {
            SearchOptions.Fts => CreateFts(options, boost, dataDir, understanding ?? new QueryUnderstanding(SynonymsPath(dataDir))),
            SearchOptions.Elasticsearch => new ElasticSearchIndex(ElasticConnection.Create(options), options, boost,
                understanding: understanding ?? new QueryUnderstanding(SynonymsPath(dataDir))),
            _ => throw new InvalidOperationException(
                $"ResourceHub:Search:Provider '{options.Provider}' is not supported (use {SearchOptions.Fts} or {SearchOptions.Elasticsearch})"),
        };

    private static FtsSearchIndex CreateFts(SearchOptions options, RankingBoost boost, string dataDir, QueryUnderstanding understanding)
    {
        var index = new FtsSearchIndex(options.FtsPath is { Length: > 0 } path ? path : Path.Combine(dataDir, "search", "index.db"), boost,
            options.FtsExactRankingBudget, understanding);
        // Local and cheap: create now so queries work before the indexer's first pass.
        index.EnsureCreatedAsync().GetAwaiter().GetResult();
        return index;
    }
}
