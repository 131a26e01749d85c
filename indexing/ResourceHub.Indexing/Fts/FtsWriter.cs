using System.Text.Json;
using Microsoft.Data.Sqlite;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Text;

namespace ResourceHub.Indexing.Fts;

/// <summary>Writes and deletes documents of one generation inside one transaction (a batch is all or nothing).</summary>
internal sealed class FtsWriter(SqliteConnection connection, SqliteTransaction tx, long generation) : IDisposable
{
    private readonly SqliteCommand _upsertDoc = Prepare(connection, tx, $"""
        INSERT INTO {FtsSchema.Docs(generation)} (id, title, kind, subject, stage, grade, status, owner_org, created_by,
            created_at, updated_at, recommendation_level, level_rank, quality_score, topics, tags, doc)
        VALUES (@id, @title, @kind, @subject, @stage, @grade, @status, @owner_org, @created_by,
            @created_at, @updated_at, @level, @level_rank, @quality, @topics, @tags, @doc)
        ON CONFLICT(id) DO UPDATE SET title = excluded.title, kind = excluded.kind, subject = excluded.subject,
            stage = excluded.stage, grade = excluded.grade, status = excluded.status, owner_org = excluded.owner_org,
            created_by = excluded.created_by, created_at = excluded.created_at, updated_at = excluded.updated_at,
            recommendation_level = excluded.recommendation_level, level_rank = excluded.level_rank,
            quality_score = excluded.quality_score, topics = excluded.topics, tags = excluded.tags, doc = excluded.doc
        RETURNING rid
        """, "@id", "@title", "@kind", "@subject", "@stage", "@grade", "@status", "@owner_org", "@created_by",
        "@created_at", "@updated_at", "@level", "@level_rank", "@quality", "@topics", "@tags", "@doc");

    private readonly SqliteCommand _deleteText = Prepare(connection, tx, $"DELETE FROM {FtsSchema.Fts(generation)} WHERE rowid = @rid", "@rid");

    private readonly SqliteCommand _insertText = Prepare(connection, tx,
        $"INSERT INTO {FtsSchema.Fts(generation)} (rowid, title, keywords, body) VALUES (@rid, @title, @keywords, @body)",
        "@rid", "@title", "@keywords", "@body");

    private readonly SqliteCommand _findRid = Prepare(connection, tx, $"SELECT rid FROM {FtsSchema.Docs(generation)} WHERE id = @id", "@id");
    private readonly SqliteCommand _deleteDoc = Prepare(connection, tx, $"DELETE FROM {FtsSchema.Docs(generation)} WHERE rid = @rid", "@rid");

    /// <summary>A document with its token strings and stored JSON, computed outside the write transaction.</summary>
    public sealed record Prepared(SearchDocument Document, string Json, string Title, string Keywords, string Body);

    public static Prepared Prepare(SearchDocument d) => new(d, JsonSerializer.Serialize(d), CjkTokenizer.Joined(d.Title),
        CjkTokenizer.Joined(string.Join(' ', d.Tags.Concat(d.CodeNames))), CjkTokenizer.Joined(d.Description));

    public void Upsert(Prepared p)
    {
        var d = p.Document;
        // A new document has no text row yet: skipping the FTS delete keeps bulk loads fast.
        Set(_findRid, d.Id.ToString("D"));
        var existed = _findRid.ExecuteScalar() is long;
        Set(_upsertDoc, d.Id.ToString("D"), d.Title, d.Kind, d.Subject, d.Stage, d.Grade, d.Status, d.OwnerOrg, d.CreatedBy,
            FtsValues.Date(d.CreatedAt), FtsValues.Date(d.UpdatedAt), d.RecommendationLevel, RankingBoost.LevelRank(d.RecommendationLevel),
            d.QualityScore, JsonSerializer.Serialize(d.Topics), JsonSerializer.Serialize(d.Tags), p.Json);
        var rid = (long)_upsertDoc.ExecuteScalar()!;
        if (existed)
        {
            Set(_deleteText, rid);
            _deleteText.ExecuteNonQuery();
        }
        Set(_insertText, rid, p.Title, p.Keywords, p.Body);
        _insertText.ExecuteNonQuery();
    }

    public void Delete(Guid id)
    {
        Set(_findRid, id.ToString("D"));
        if (_findRid.ExecuteScalar() is not long rid)
            return;
        Set(_deleteText, rid);
        _deleteText.ExecuteNonQuery();
        Set(_deleteDoc, rid);
        _deleteDoc.ExecuteNonQuery();
    }

    public void Dispose()
    {
        foreach (var cmd in new[] { _upsertDoc, _deleteText, _insertText, _findRid, _deleteDoc })
            cmd.Dispose();
    }

    private static SqliteCommand Prepare(SqliteConnection c, SqliteTransaction tx, string sql, params string[] names)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
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
