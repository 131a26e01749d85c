using Microsoft.Data.Sqlite;

namespace ResourceHub.Indexing.Fts;

/// <summary>
/// Tables of one index generation: docs_N (document columns for filters, sorting, facets and the
/// stored document) and fts_N (pre-tokenized text). A rebuild fills generation N+1 and flips
/// meta.generation in one transaction, which every query reads first: the swap is atomic even for
/// other processes (the reindex CLI next to a running API).
/// </summary>
internal static class FtsSchema
{
    // bm25 column weights: a title match counts ten times a description match; tags and code names in between.
    // The access column (visibility tokens, see FtsAccess) carries no relevance.
    public static readonly IReadOnlyList<double> TextColumnWeights = [10.0, 4.0, 1.0];
    // Text inside the file (slides, pages) counts least: it is long and says less about what the item is.
    public const double ContentWeight = 0.5;
    public static readonly string Bm25Weights = string.Join(", ", TextColumnWeights.Append(ContentWeight).Append(0.0).Select(w => w.ToString("0.0#", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The text columns user words may match (never the access tokens).</summary>
    public const string TextColumns = "{title keywords body content}";

    /// <summary>Bumped when the table layout or the stored document changes (3: Version and Details; 4: grade names
    /// among the code names; 5: numbered facet values; 6: content column; 7: the content's text for snippets; 8: downloads and
    /// rating columns); an index of another format is rebuilt from the database.</summary>
    public const int Format = 8;

    public static string Docs(long generation) => $"docs_{generation}";
    public static string Fts(long generation) => $"fts_{generation}";
    public static string Stored(long generation) => $"stored_{generation}";
    public static string Facets(long generation) => $"facets_{generation}";
    public static string FacetValues(long generation) => $"facet_values_{generation}";
    public static string Texts(long generation) => $"texts_{generation}";

    public static void EnsureMeta(SqliteConnection c, SqliteTransaction tx) =>
        Execute(c, tx, "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");

    public static long? CurrentGeneration(SqliteConnection c, SqliteTransaction? tx) => GetMeta(c, tx, "generation");

    /// <summary>Makes <paramref name="generation"/> (built in the current <see cref="Format"/>) the live one.</summary>
    public static void SetGeneration(SqliteConnection c, SqliteTransaction tx, long generation)
    {
        SetMeta(c, tx, "generation", generation);
        SetMeta(c, tx, "format", Format);
    }

    /// <summary>The format of the live generation; 1 for indexes written before formats were recorded.</summary>
    public static long CurrentFormat(SqliteConnection c, SqliteTransaction? tx) => GetMeta(c, tx, "format") ?? 1;

    public static long LastSequence(SqliteConnection c, SqliteTransaction tx, long g) => GetMeta(c, tx, $"sequence_{g}") ?? 0;

    public static void SetLastSequence(SqliteConnection c, SqliteTransaction tx, long g, long sequence) => SetMeta(c, tx, $"sequence_{g}", sequence);

    private static long? GetMeta(SqliteConnection c, SqliteTransaction? tx, string key)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT value FROM meta WHERE key = @k";
        cmd.Parameters.AddWithValue("@k", key);
        try
        {
            return cmd.ExecuteScalar() is string s ? long.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : null;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 1)
        {
            return null; // no meta table yet
        }
    }

    private static void SetMeta(SqliteConnection c, SqliteTransaction tx, string key, long value)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT INTO meta (key, value) VALUES (@k, @v) ON CONFLICT(key) DO UPDATE SET value = excluded.value";
        cmd.Parameters.AddWithValue("@k", key);
        cmd.Parameters.AddWithValue("@v", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        cmd.ExecuteNonQuery();
    }

    public static void Create(SqliteConnection c, SqliteTransaction tx, long g)
    {
        Drop(c, tx, g);
        Execute(c, tx, $"""
            CREATE TABLE {Docs(g)} (
                rid INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE,
                title TEXT NOT NULL,
                kind TEXT NOT NULL,
                subject TEXT NOT NULL,
                stage TEXT NOT NULL,
                grade TEXT NULL,
                status TEXT NOT NULL,
                owner_org TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                recommendation_level TEXT NULL,
                level_rank INTEGER NOT NULL,
                quality_score REAL NULL,
                downloads INTEGER NOT NULL,
                rating REAL NULL,
                topics TEXT NOT NULL,
                tags TEXT NOT NULL)
            """);
        // The stored JSON apart from the columns: a filter or facet pass over 50,000 matches then reads
        // narrow rows (a few pages per thousand) instead of every document.
        Execute(c, tx, $"CREATE TABLE {Stored(g)} (rid INTEGER PRIMARY KEY, doc TEXT NOT NULL)");
        // Facet passes read these instead of the document rows (see FtsFacetValues).
        Execute(c, tx, $"CREATE TABLE {Facets(g)} (rid INTEGER PRIMARY KEY, codes BLOB NOT NULL)");
        Execute(c, tx, $"CREATE TABLE {FacetValues(g)} (id INTEGER PRIMARY KEY, field INTEGER NOT NULL, value TEXT NOT NULL, UNIQUE (field, value))");
        // Only the facet and filter columns that narrow well; visibility's OR clauses scan anyway.
        foreach (var column in new[] { "subject", "stage", "kind", "status" })
            Execute(c, tx, $"CREATE INDEX ix_{g}_{column} ON {Docs(g)} ({column})");
        // The text inside the file as written, for content snippets: the FTS column holds tokens (bigrams and single
        // characters), which FTS5's snippet() would show as such. Only documents with content have a row.
        Execute(c, tx, $"CREATE TABLE {Texts(g)} (rid INTEGER PRIMARY KEY, text TEXT NOT NULL)");
        // Tokens are made in C# (CjkTokenizer); 'ascii' only splits on the spaces between them.
        Execute(c, tx, $"CREATE VIRTUAL TABLE {Fts(g)} USING fts5(title, keywords, body, content, access, tokenize = 'ascii')");
    }

    public static void Drop(SqliteConnection c, SqliteTransaction tx, long g)
    {
        Execute(c, tx, $"DROP TABLE IF EXISTS {Fts(g)}");
        Execute(c, tx, $"DROP TABLE IF EXISTS {Docs(g)}");
        Execute(c, tx, $"DROP TABLE IF EXISTS {Stored(g)}");
        Execute(c, tx, $"DROP TABLE IF EXISTS {Facets(g)}");
        Execute(c, tx, $"DROP TABLE IF EXISTS {FacetValues(g)}");
        Execute(c, tx, $"DROP TABLE IF EXISTS {Texts(g)}");
        Execute(c, tx, $"DELETE FROM meta WHERE key = 'sequence_{g}'");
    }

    public static void Execute(SqliteConnection c, SqliteTransaction? tx, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
