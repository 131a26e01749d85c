using System.Text.Json;
using Microsoft.Data.Sqlite;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Text;

namespace ResourceHub.Indexing.Fts;

/// <summary>Writes and deletes documents of one generation inside one transaction (a batch is all or nothing).</summary>
internal sealed class FtsWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _tx;
    private readonly long _generation;
    private readonly RankingBoost _boost;
    private long _sequence;

    private readonly SqliteCommand _insertDoc;
    private readonly SqliteCommand _insertText;
    private readonly SqliteCommand _findRid;
    private readonly SqliteCommand _deleteDoc;
    private readonly SqliteCommand _deleteText;
    private readonly SqliteCommand _insertStored;
    private readonly SqliteCommand _deleteStored;
    private readonly SqliteCommand _insertContent;
    private readonly SqliteCommand _deleteContent;
    private readonly SqliteCommand _insertFacets;
    private readonly SqliteCommand _deleteFacets;
    private readonly SqliteCommand _insertFacetValue;
    private readonly FtsFacetValues _facetValues;

    public FtsWriter(SqliteConnection connection, SqliteTransaction tx, long generation, RankingBoost boost)
    {
        (_connection, _tx, _generation, _boost) = (connection, tx, generation, boost);
        _sequence = FtsSchema.LastSequence(connection, tx, generation);
        var docs = FtsSchema.Docs(generation);
        var fts = FtsSchema.Fts(generation);
        _insertDoc = Prepare($"""
            INSERT INTO {docs} (rid, id, title, kind, subject, stage, grade, status, owner_org, created_by,
                created_at, updated_at, recommendation_level, level_rank, quality_score, downloads, rating, topics, tags)
            VALUES (@rid, @id, @title, @kind, @subject, @stage, @grade, @status, @owner_org, @created_by,
                @created_at, @updated_at, @level, @level_rank, @quality, @downloads, @rating, @topics, @tags)
            """, "@rid", "@id", "@title", "@kind", "@subject", "@stage", "@grade", "@status", "@owner_org", "@created_by",
            "@created_at", "@updated_at", "@level", "@level_rank", "@quality", "@downloads", "@rating", "@topics", "@tags");
        _insertStored = Prepare($"INSERT INTO {FtsSchema.Stored(generation)} (rid, doc) VALUES (@rid, @doc)", "@rid", "@doc");
        _deleteStored = Prepare($"DELETE FROM {FtsSchema.Stored(generation)} WHERE rid = @rid", "@rid");
        _insertText = Prepare($"INSERT INTO {fts} (rowid, title, keywords, body, content, access) VALUES (@rid, @title, @keywords, @body, @content, @access)",
            "@rid", "@title", "@keywords", "@body", "@content", "@access");
        _insertContent = Prepare($"INSERT INTO {FtsSchema.Texts(generation)} (rid, text) VALUES (@rid, @text)", "@rid", "@text");
        _deleteContent = Prepare($"DELETE FROM {FtsSchema.Texts(generation)} WHERE rid = @rid", "@rid");
        _insertFacets = Prepare($"INSERT INTO {FtsSchema.Facets(generation)} (rid, codes) VALUES (@rid, @codes)", "@rid", "@codes");
        _deleteFacets = Prepare($"DELETE FROM {FtsSchema.Facets(generation)} WHERE rid = @rid", "@rid");
        _insertFacetValue = Prepare($"INSERT INTO {FtsSchema.FacetValues(generation)} (field, value) VALUES (@field, @value) RETURNING id", "@field", "@value");
        _facetValues = FtsFacetValues.Load(connection, tx, generation);
        _findRid = Prepare($"SELECT rid FROM {docs} WHERE id = @id", "@id");
        _deleteDoc = Prepare($"DELETE FROM {docs} WHERE rid = @rid", "@rid");
        _deleteText = Prepare($"DELETE FROM {fts} WHERE rowid = @rid", "@rid");
    }

    /// <summary>A document with its token strings and stored JSON, computed outside the write transaction.</summary>

    public sealed record Prepared(SearchDocument Document, string Json, string Title, string Keywords, string Body, string Content, string Access);

    public static Prepared Prepare(SearchDocument d) => new(d, JsonSerializer.Serialize(d), CjkTokenizer.Joined(d.Title),
        CjkTokenizer.Joined(string.Join(' ', d.Tags.Concat(d.CodeNames))), CjkTokenizer.Joined(d.Description), CjkTokenizer.Joined(d.Content), FtsAccess.Tokens(d));

    public void Upsert(Prepared p)
    {
        var d = p.Document;
        // A replaced document keeps its sequence but may move (its boost is part of the row id).
        var existing = Remove(d.Id);
        var rid = FtsRowId.Compose(_boost, d, existing is { } old ? FtsRowId.Sequence(old) : ++_sequence);
        Set(_insertDoc, rid, d.Id.ToString("D"), d.Title, d.Kind, d.Subject, d.Stage, d.Grade, d.Status, d.OwnerOrg, d.CreatedBy,
            FtsValues.Date(d.CreatedAt), FtsValues.Date(d.UpdatedAt), d.RecommendationLevel, RankingBoost.LevelRank(d.RecommendationLevel),
            d.QualityScore, d.Downloads, d.Rating, JsonSerializer.Serialize(d.Topics), JsonSerializer.Serialize(d.Tags));
        _insertDoc.ExecuteNonQuery();
        Set(_insertStored, rid, p.Json);
        _insertStored.ExecuteNonQuery();
        Set(_insertText, rid, p.Title, p.Keywords, p.Body, p.Content, p.Access);
        _insertText.ExecuteNonQuery();
        if (d.Content.Length > 0)
        {
            Set(_insertContent, rid, d.Content);
            _insertContent.ExecuteNonQuery();
        }
        Set(_insertFacets, rid, _facetValues.Encode(d, InsertFacetValue));
        _insertFacets.ExecuteNonQuery();
    }

    public void Delete(Guid id) => Remove(id);

    /// <summary>Records the sequence so the next batch continues it; call before committing.</summary>
    public void Complete() => FtsSchema.SetLastSequence(_connection, _tx, _generation, _sequence);

    /// <summary>Removes the document's rows; returns its row id, or null when it was not indexed.</summary>
    private long? Remove(Guid id)
    {
        Set(_findRid, id.ToString("D"));
        if (_findRid.ExecuteScalar() is not long rid)
            return null; // a new document: skipping the FTS delete keeps bulk loads fast
        Set(_deleteText, rid);
        _deleteText.ExecuteNonQuery();
        Set(_deleteDoc, rid);
        _deleteDoc.ExecuteNonQuery();
        Set(_deleteStored, rid);
        _deleteStored.ExecuteNonQuery();
        Set(_deleteContent, rid);
        _deleteContent.ExecuteNonQuery();
        Set(_deleteFacets, rid);
        _deleteFacets.ExecuteNonQuery();
        return rid;
    }

    private int InsertFacetValue(int field, string value)
    {
        Set(_insertFacetValue, field, value);
        return checked((int)(long)_insertFacetValue.ExecuteScalar()!);
    }

    public void Dispose()
    {
        foreach (var cmd in new[] { _insertDoc, _deleteText, _insertText, _findRid, _deleteDoc, _insertStored, _deleteStored, _insertContent, _deleteContent, _insertFacets, _deleteFacets, _insertFacetValue })
            cmd.Dispose();
    }

    private SqliteCommand Prepare(string sql, params string[] names)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = sql;
        foreach (var name in names)
            cmd.Parameters.Add(new SqliteParameter { ParameterName = name });
        cmd.Prepare();
        return cmd;
    }

    private static void Set(SqliteCommand cmd, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
            cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
    }
}
