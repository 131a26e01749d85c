using Microsoft.Data.Sqlite;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Text;
using ResourceHub.Indexing.Understanding;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Fts;

/// <summary>
/// One search request as SQL: a CTE "m" of the visible documents matching the text and filter (with
/// their boosted score), then hits, count and facets over m with facet selections applied.
/// </summary>
internal sealed class FtsQuery
{
    private readonly SearchRequest _request;
    private readonly long _generation;
    private readonly RankingBoost _boost;
    private readonly StructuredQuery _text;
    private readonly IReadOnlyList<(string Expression, bool Descending)> _order;

    public FtsQuery(SearchRequest request, StructuredQuery text, long generation, RankingBoost boost, long? knownTotal = null)
    {
        _request = request;
        _generation = generation;
        _boost = boost;
        _text = text;
        _order = Order();
        KnownTotal = knownTotal;
    }

    public int PageSize => _request.PageSize;
    public StructuredQuery Text => _text;
    public KeysetPosition? After => _request.Query.After;

    /// <summary>The number of matches when the caller already counted them (see <see cref="FtsTieredQuery"/>).</summary>
    public long? KnownTotal { get; }

    /// <summary>
    /// The hits query can count the whole matched set itself (a window over the same pass) when it
    /// has no keyset cursor; a later page or Top=0 needs the separate count query.
    /// </summary>
    public bool CountsInHitsQuery => _request.Query.Count && KnownTotal is null && _request.Query.After is null && PageSize > 0;

    public SqliteCommand HitsCommand(SqliteConnection c, SqliteTransaction tx)
    {
        var sql = new SqlBuilder();
        var cte = Matched(sql);
        var where = Selections(sql, except: null);
        if (_request.Query.After is { } after)
            where.Add(Keyset(sql, after));
        var sortColumns = string.Concat(_order.Select(o => ", " + o.Expression));
        // Only keys go through the sort; the page's stored documents are read afterwards by rid
        // (sorting whole documents of every match costs more than the ranking itself).
        return Command(c, tx, sql, $"""
            {cte}
            SELECT m.rid, m.score, {(CountsInHitsQuery ? "count(*) OVER ()" : "NULL")}{sortColumns} FROM m
            WHERE {string.Join(" AND ", where)}
            ORDER BY {string.Join(", ", _order.Select(o => o.Expression + (o.Descending ? " DESC" : " ASC")))}
            LIMIT {sql.Add(PageSize)}
            """);
    }

    /// <summary>
    /// Every visible match with what <see cref="FtsRanker"/> reads (token columns, codes, curation), facet selections
    /// applied: the exact relevance path ranks them in C#, only when they are few (see FtsExactRankingBudget).
    /// </summary>
    public SqliteCommand CandidatesCommand(SqliteConnection c, SqliteTransaction tx)
    {
        var sql = new SqlBuilder();
        var cte = Matched(sql, scored: false, tokens: true);
        return Command(c, tx, sql, $"""
            {cte}
            SELECT m.rid, m.id, m.t_title, m.t_keywords, m.kind, m.stage, m.grade, m.subject, m.level_rank, m.quality_score FROM m
            WHERE {string.Join(" AND ", Selections(sql, except: null))}
            """);
    }

    /// <summary>
    /// The matches that have one concept in the description: an FTS lookup instead of reading every candidate's
    /// description tokens (which cost three times the rest of the candidate row).
    /// </summary>
    public SqliteCommand InBodyCommand(SqliteConnection c, SqliteTransaction tx, Concept concept)
    {
        var sql = new SqlBuilder();
        var fts = FtsSchema.Fts(_generation);
        return Command(c, tx, sql, $"SELECT rowid FROM {fts} WHERE {fts} MATCH {sql.Add(FtsMatch.InBody(_text, concept, FtsAccess.Match(_request.Scope)))}");
    }

    /// <summary>
    /// "FROM … WHERE …" of the FTS rows a MATCH expression (visibility included, see FtsAccess) selects: the
    /// document rows are joined only when a $filter, a facet selection or <paramref name="extra"/> needs them.
    /// </summary>
    public static string MatchingRows(SqlBuilder sql, long generation, string match, SearchRequest request, string? extra = null)
    {
        var fts = FtsSchema.Fts(generation);
        var conditions = new FtsFilterRenderer(sql, "d").DocumentConditions(request);
        var join = conditions.Count == 0 ? "" : $" JOIN {FtsSchema.Docs(generation)} d ON d.rid = {fts}.rowid";
        if (extra is not null)
            conditions.Add(extra);
        return $"FROM {fts}{join} WHERE {fts} MATCH {sql.Add(match)}" + string.Concat(conditions.Select(f => " AND " + f));
    }

    /// <summary>The stored documents of the page, by rid.</summary>
    public SqliteCommand DocumentsCommand(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<long> rids)
    {
        var sql = new SqlBuilder();
        return Command(c, tx, sql, $"SELECT rid, doc FROM {FtsSchema.Stored(_generation)} WHERE rid IN ({sql.AddList(rids.Cast<object?>())})");
    }

    /// <summary>The text inside the files of <paramref name="rids"/> (rows only for those that have some).</summary>
    public SqliteCommand ContentCommand(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<long> rids)
    {
        var sql = new SqlBuilder();
        return Command(c, tx, sql, $"SELECT rid, text FROM {FtsSchema.Texts(_generation)} WHERE rid IN ({sql.AddList(rids.Cast<object?>())})");
    }

    public SqliteCommand CountCommand(SqliteConnection c, SqliteTransaction tx)
    {
        var sql = new SqlBuilder();
        if (FtsMatch.For(_text, FtsAccess.Match(_request.Scope)) is { } match)
            return Command(c, tx, sql, $"SELECT count(*) {MatchingRows(sql, _generation, match, _request)}");
        var cte = Matched(sql);
        return Command(c, tx, sql, $"{cte} SELECT count(*) FROM m WHERE {string.Join(" AND ", Selections(sql, null))}");
    }

    /// <summary>
    /// The facet value numbers (<see cref="FtsFacetValues"/>) of every visible match of the text and $filter, before
    /// facet selections (the counter applies them per facet). Visibility runs inside MATCH, as in the count.
    /// </summary>
    public SqliteCommand FacetCodesCommand(SqliteConnection c, SqliteTransaction tx)
    {
        var sql = new SqlBuilder();
        var unselected = _request with { Facets = null };
        var facets = FtsSchema.Facets(_generation);
        var access = FtsAccess.Match(_request.Scope);
        if ((FtsMatch.For(_text, access) ?? access) is { } match)
            return Command(c, tx, sql, $"""
                SELECT f.codes FROM (SELECT {FtsSchema.Fts(_generation)}.rowid AS rid {MatchingRows(sql, _generation, match, unselected)}) x
                JOIN {facets} f ON f.rid = x.rid
                """);
        // The caller sees everything and typed no words: every document the $filter admits.
        var filter = new FtsFilterRenderer(sql, "d").DocumentConditions(unselected);
        return Command(c, tx, sql, filter.Count == 0
            ? $"SELECT codes FROM {facets}"
            : $"SELECT f.codes FROM {facets} f JOIN {FtsSchema.Docs(_generation)} d ON d.rid = f.rid WHERE {string.Join(" AND ", filter)}");
    }

    public SqliteCommand FacetCommand(SqliteConnection c, SqliteTransaction tx, SearchField field, int size)
    {
        var sql = new SqlBuilder();
        var cte = Matched(sql, scored: false);
        var where = string.Join(" AND ", Selections(sql, except: field));
        return Command(c, tx, sql, $"{cte} SELECT 0, v, n FROM ({FacetBody(sql, field, where, size)})");
    }

    /// <summary>
    /// Several facets in one pass: the matched set is materialized once and grouped per field. Only for
    /// fields without ticked values of their own (they all count the same set). Rows: field index, value, count.
    /// </summary>
    public SqliteCommand FacetsCommand(SqliteConnection c, SqliteTransaction tx, IReadOnlyList<SearchField> fields, int size)
    {
        var sql = new SqlBuilder();
        // Copying 50,000 whole rows costs more than grouping them: only the columns the groups and selections read.
        var columns = fields.Concat(SortKeys.Selections(_request, null).Select(x => x.Field)).Select(f => f.Column).Distinct().ToList();
        var cte = Matched(sql, scored: false, materializedColumns: columns);
        var where = string.Join(" AND ", Selections(sql, except: null));
        var parts = fields.Select((f, i) => $"SELECT {i}, v, n FROM ({FacetBody(sql, f, where, size)})");
        return Command(c, tx, sql, $"{cte} {string.Join(" UNION ALL ", parts)}");
    }

    /// <summary>The $apply's groups over the visible matches, facet selections and filter(...) steps applied (<see cref="FtsGroups"/>).</summary>
    public SqliteCommand GroupsCommand(SqliteConnection c, SqliteTransaction tx, ApplyQuery apply, int take)
    {
        var sql = new SqlBuilder();
        var cte = Matched(sql, scored: false);
        var where = Selections(sql, except: null);
        where.Add(new FtsFilterRenderer(sql, "m").Render(apply.Filter));
        return Command(c, tx, sql, $"{cte} {FtsGroups.Select(sql, apply, string.Join(" AND ", where), take)}");
    }

    private static string FacetBody(SqlBuilder sql, SearchField field, string where, int size) =>
        (field.IsCollection
            ? $"SELECT j.value AS v, count(*) AS n FROM m, json_each(m.{field.Column}) j WHERE {where} GROUP BY j.value"
            : $"SELECT m.{field.Column} AS v, count(*) AS n FROM m WHERE {where} AND m.{field.Column} IS NOT NULL GROUP BY m.{field.Column}")
        + $" ORDER BY n DESC, v LIMIT {sql.Add(size)}";

    public IReadOnlyDictionary<string, string> Highlights(SearchDocument doc)
    {
        var result = new Dictionary<string, string>();
        if (_text.IsEmpty)
            return result;
        var tokens = _text.HighlightTokens();
        if (Highlighter.Highlight(doc.Title, tokens) is { } title)
            result["Title"] = title;
        if (Highlighter.Highlight(doc.Description, tokens, 160) is { } description)
            result["Description"] = description;
        return result;
    }

    /// <summary>A snippet of the text inside the file around the first match, or null.</summary>
    public string? ContentHighlight(string content) =>
        _text.IsEmpty ? null : Highlighter.Highlight(content, _text.HighlightTokens(), Highlighter.ContentFragment);

    /// <param name="scored">False when nothing reads the score (facets): bm25 is the expensive part.</param>
    /// <param name="materializedColumns">Materialize m once with only these document columns (several facets read it).</param>
    /// <param name="tokens">Also the FTS row's title and keyword token columns (t_title, t_keywords), for the ranker.</param>
    private string Matched(SqlBuilder sql, bool scored = true, IReadOnlyCollection<string>? materializedColumns = null, bool tokens = false)
    {
        var head = materializedColumns is null ? "WITH m AS" : "WITH m AS MATERIALIZED";
        var columns = materializedColumns is null ? "d.*" : string.Join(", ", materializedColumns.Prepend("rid").Select(c => "d." + c));
        var docs = FtsSchema.Docs(_generation);
        var fts = FtsSchema.Fts(_generation);
        var filters = new FtsFilterRenderer(sql, "d");
        // Visibility on the joined rows, not in MATCH: bm25 would score the access phrases too (about 1.5× the cost).
        var where = $"{filters.Visibility(_request.Scope)} AND {filters.Render(_request.Query.Filter)}";
        if (FtsMatch.For(_text) is not { } match)
            return $"{head} (SELECT {columns}, 0.0 AS score FROM {docs} d WHERE {where})";
        // bm25 is lower-is-better; negate so score is higher-is-better, then apply the curation boost.
        var score = !scored ? "0.0" : $"(-bm25({fts}, {FtsSchema.Bm25Weights})) * (1 + {sql.Add(_boost.LevelWeight)} * d.level_rank"
                    + $" + {sql.Add(_boost.QualityWeight)} * coalesce(d.quality_score, 0))";
        if (tokens)
            columns += $", {fts}.title AS t_title, {fts}.keywords AS t_keywords";
        return $"{head} (SELECT {columns}, {score} AS score FROM {fts} JOIN {docs} d ON d.rid = {fts}.rowid"
               + $" WHERE {fts} MATCH {sql.Add(match)} AND {where})";
    }

    private List<string> Selections(SqlBuilder sql, SearchField? except)
    {
        var renderer = new FtsFilterRenderer(sql, "m");
        return SortKeys.Selections(_request, except).Select(s => renderer.Selection(s.Field, s.Values)).Prepend("1=1").ToList();
    }

    // Nulls sort as the smallest value in both engines (ES: missing _first/_last).
    private List<(string, bool)> Order() =>
        SortKeys.For(_request, _text).Select(k => (k.Field switch
        {
            null => "m.score",
            { Nullable: false } f => $"m.{f.Column}",
            { Type: FieldType.String } f => $"coalesce(m.{f.Column}, '')",
            var f => $"coalesce(m.{f.Column}, -1.0)",
        }, k.Descending)).ToList();

    /// <summary>Rows strictly after the cursor in sort order: (a after v0) or (a = v0 and b after v1) or ….</summary>
    private string Keyset(SqlBuilder sql, KeysetPosition after)
    {
        if (after.Values.Count != _order.Count)
            throw new SearchQueryException("分页游标与排序不符 ($skiptoken does not match this $orderby)");
        var values = after.Values.Select(v => sql.Add(FtsValues.ToDb(v))).ToList();
        var ors = new List<string>();
        for (var i = 0; i < _order.Count; i++)
        {
            var equal = Enumerable.Range(0, i).Select(j => $"{_order[j].Expression} = {values[j]}");
            var beyond = $"{_order[i].Expression} {(_order[i].Descending ? "<" : ">")} {values[i]}";
            ors.Add("(" + string.Join(" AND ", equal.Append(beyond)) + ")");
        }
        return "(" + string.Join(" OR ", ors) + ")";
    }

    private static SqliteCommand Command(SqliteConnection c, SqliteTransaction tx, SqlBuilder sql, string text)
    {
        var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = text;
        sql.ApplyTo(cmd);
        return cmd;
    }
}
