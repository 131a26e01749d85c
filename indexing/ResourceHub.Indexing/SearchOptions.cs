namespace ResourceHub.Indexing;

/// <summary>Config section "ResourceHub:Search".</summary>
public sealed class SearchOptions
{
    public const string Section = "ResourceHub:Search";
    public const string Fts = "fts";
    public const string Elasticsearch = "elasticsearch";

    /// <summary>"fts" (embedded default, {DataDir}/search/index.db) or "elasticsearch".</summary>
    public string Provider { get; set; } = Fts;

    /// <summary>Overrides the FTS index file; empty means {DataDir}/search/index.db.</summary>
    public string? FtsPath { get; set; }

    /// <summary>FTS: searches with more visible matches than this are ranked in tiers, not by bm25 over every match.</summary>
    public int FtsExactRankingBudget { get; set; } = ResourceHub.Indexing.Fts.FtsSearchIndex.DefaultExactRankingBudget;

    public string? ElasticsearchUrl { get; set; }
    /// <summary>The alias queries go to; rebuilds create "{IndexName}-{timestamp}" behind it.</summary>
    public string IndexName { get; set; } = "resourcehub-resources";
    /// <summary>Analyzer for Chinese text fields: built-in "cjk", or "smartcn" / "ik_max_word" when the plugin is installed.</summary>
    public string Analyzer { get; set; } = "cjk";
    /// <summary>Basic auth for Elasticsearch (security on); set from the environment
    /// (ResourceHub__Search__ElasticsearchUsername / __ElasticsearchPassword), never in a committed file.</summary>
    public string? ElasticsearchUsername { get; set; }
    public string? ElasticsearchPassword { get; set; }

    public double LevelWeight { get; set; } = 0.1;
    public double QualityWeight { get; set; } = 0.0025;

    public IndexerOptions Indexer { get; set; } = new();
}

/// <summary>Config section "ResourceHub:Search:Indexer".</summary>
public sealed class IndexerOptions
{
    /// <summary>Off for processes that must not drain (the bench, some tests).</summary>
    public bool Enabled { get; set; } = true;
    public int BatchSize { get; set; } = 500;
    public int PollMilliseconds { get; set; } = 500;
    public int MaxBackoffSeconds { get; set; } = 30;
    /// <summary>Processed outbox rows are kept this long so a rebuild can replay changes made while it ran.</summary>
    public int RetentionHours { get; set; } = 24;
    /// <summary>How often changed downloads and ratings are brought into the index (in batches of BatchSize): the
    /// longest a sort by 下载量/评分 lags the database, and the most a popular item is rewritten per period.</summary>
    public int StatsRefreshSeconds { get; set; } = 30;
}
