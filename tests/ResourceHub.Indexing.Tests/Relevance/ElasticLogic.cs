using System.Text.Json.Nodes;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Elastic;
using ResourceHub.Indexing.Tests.Elastic;
using ResourceHub.Indexing.Text;
using ResourceHub.Indexing.Understanding;

namespace ResourceHub.Indexing.Tests.Relevance;

/// <summary>
/// Evaluates the Elasticsearch renderer's request bodies over in-memory documents, for the clauses it emits
/// (function_score, bool, dis_max, multi_match phrase or fuzzy, term, terms, match_all): which documents match, and a
/// score from the clause boosts and field weights (ES's idf and length norms left out). It runs the same
/// understanding, typo correction and fallback as <see cref="ElasticSearchIndex"/>, so the bench can judge the
/// renderer's logic without a cluster.
/// </summary>
public sealed class ElasticLogic(IReadOnlyList<SearchDocument> documents, RankingBoost boost)
{
    private readonly ElasticQueryRenderer _renderer = new(boost);
    private readonly List<Indexed> _docs = documents.Select(d => new Indexed(d)).ToList();

    public async Task<IReadOnlyList<Guid>> SearchAsync(SearchRequest request)
    {
        var text = _renderer.Understand(request);
        Task<long> Documents(string term) =>
            Task.FromResult((long)_docs.Count(d => Score(ElasticJson.Of(_renderer.TermCount(term, request.Scope))["query"]!, d) is not null));
        if (!text.IsEmpty && await TypoFallback.CorrectedAsync(QueryUnderstanding.Default, request.Query.Search, Documents) is { } corrected)
            text = corrected;
        var hits = Run(request, text);
        if (await TypoFallback.RelaxedAsync(request, text, hits.Count, Documents) is { } relaxed)
            hits = Run(request, relaxed);
        return hits;
    }

    private List<Guid> Run(SearchRequest request, StructuredQuery text)
    {
        var query = ElasticJson.Of(_renderer.Search(request, text))["query"]!;
        return _docs.Select(d => (d, Score: Score(query, d))).Where(x => x.Score is not null)
            .OrderByDescending(x => x.Score).ThenBy(x => x.d.Document.Id.ToString("D"), StringComparer.Ordinal)
            .Take(request.PageSize).Select(x => x.d.Document.Id).ToList();
    }

    /// <summary>Null when the document does not match.</summary>
    private static double? Score(JsonNode clause, Indexed d)
    {
        var (name, body) = clause.AsObject().Single();
        return name switch
        {
            "function_score" => FunctionScore(body!, d),
            "bool" => Bool(body!, d),
            "dis_max" => body!["queries"]!.AsArray().Select(q => Score(q!, d)).Where(s => s is not null).Max() * Boost(body),
            "multi_match" => MultiMatch(body!, d),
            "term" => Term(body!, d),
            "terms" => body!.AsObject().Single() is var (field, values) && values!.AsArray().Any(v => d.Has(field, v!.ToString())) ? 1 : null,
            "match_all" => 1,
            _ => throw new NotSupportedException($"the relevance harness does not evaluate '{name}' clauses"),
        };
    }

    private static double? FunctionScore(JsonNode body, Indexed d)
    {
        if (Score(body["query"]!, d) is not { } score)
            return null;
        var factor = 0.0;
        foreach (var f in body["functions"]!.AsArray())
        {
            if (f!["weight"] is { } w)
                factor += Num(w);
            else if (f["field_value_factor"] is { } v)
                factor += Num(v["factor"]) * d.Number(v["field"]!.GetValue<string>());
        }
        return score * factor;
    }

    private static double? Bool(JsonNode body, Indexed d)
    {
        var score = 0.0;
        foreach (var c in Clauses(body, "filter"))
            if (Score(c, d) is null)
                return null;
        foreach (var c in Clauses(body, "must_not"))
            if (Score(c, d) is not null)
                return null;
        var must = Clauses(body, "must");
        foreach (var c in must)
        {
            if (Score(c, d) is not { } s)
                return null;
            score += s;
        }
        var should = Clauses(body, "should").Select(c => Score(c, d)).Where(s => s is not null).ToList();
        var minimum = (int?)NumOrNull(body["minimum_should_match"]) ?? (must.Count == 0 && Clauses(body, "filter").Count == 0 ? 1 : 0);
        if (Clauses(body, "should").Count > 0 && should.Count < minimum)
            return null;
        return (score + should.Sum()!.Value) * Boost(body);
    }

    private static List<JsonNode> Clauses(JsonNode body, string occur) =>
        body[occur] switch { JsonArray a => a.Select(x => x!).ToList(), JsonObject o => [o], _ => [] };

    private static double? MultiMatch(JsonNode body, Indexed d)
    {
        var query = body["query"]!.GetValue<string>();
        var fuzzy = body["fuzziness"] is not null;
        double? best = null;
        foreach (var f in body["fields"]!.AsArray().Select(x => x!.GetValue<string>()))
        {
            var parts = f.Split('^');
            var weight = parts.Length > 1 ? double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : 1;
            if ((fuzzy ? d.FuzzyMatch(parts[0], query) : d.PhraseMatch(parts[0], query)) && weight > (best ?? 0))
                best = weight;
        }
        return best * Boost(body);
    }

    private static double? Term(JsonNode body, Indexed d)
    {
        var (field, spec) = body.AsObject().Single();
        var value = spec is JsonObject o ? o["value"]!.ToString() : spec!.ToString();
        return d.Has(field, value) ? NumOrNull((spec as JsonObject)?["boost"]) ?? 1 : null;
    }

    private static double Boost(JsonNode body) => NumOrNull(body["boost"]) ?? 1;

    private static double Num(JsonNode? node) => double.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static double? NumOrNull(JsonNode? node) => node is null ? null : Num(node);

    private sealed class Indexed(SearchDocument d)
    {
        public SearchDocument Document => d;
        private readonly Dictionary<string, string> _tokens = new()
        {
            ["title"] = Padded(d.Title), ["description"] = Padded(d.Description),
            ["code_names"] = Padded(string.Join(' ', d.CodeNames)), ["tags.text"] = Padded(string.Join(' ', d.Tags)),
            ["content"] = Padded(d.Content),
        };

        public bool PhraseMatch(string field, string query)
        {
            if (field.EndsWith(".chars", StringComparison.Ordinal))
                return Text(field[..^6]).Contains(query, StringComparison.OrdinalIgnoreCase);
            var tokens = CjkTokenizer.ForQuery(query);
            return tokens.Count > 0 && _tokens[field].Contains(" " + string.Join(' ', tokens) + " ", StringComparison.Ordinal);
        }

        public bool FuzzyMatch(string field, string query)
        {
            var words = _tokens[field].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return CjkTokenizer.ForQuery(query).All(q => words.Any(w => w[0] == q[0] && Distance(w, q) <= (q.Length <= 2 ? 0 : q.Length <= 5 ? 1 : 2)));
        }

        public bool Has(string column, string value) => column switch
        {
            "kind" => d.Kind == value, "subject" => d.Subject == value, "stage" => d.Stage == value, "grade" => d.Grade == value,
            "status" => d.Status == value, "created_by" => d.CreatedBy == value, "owner_org" => d.OwnerOrg == value,
            "topics" => d.Topics.Contains(value), "tags" => d.Tags.Contains(value), "recommendation_level" => d.RecommendationLevel == value,
            _ => throw new NotSupportedException($"the relevance harness does not know field '{column}'"),
        };

        public double Number(string column) => column switch
        {
            "level_rank" => RankingBoost.LevelRank(d.RecommendationLevel),
            "quality_score" => d.QualityScore ?? 0,
            _ => 0,
        };

        private string Text(string field) => field switch
        {
            "title" => d.Title, "description" => d.Description, "code_names" => string.Join(' ', d.CodeNames), "content" => d.Content,
            _ => string.Join(' ', d.Tags),
        };

        private static string Padded(string text) => " " + CjkTokenizer.Joined(text) + " ";

        private static int Distance(string a, string b)
        {
            var row = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var previous = row[0];
                row[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var current = row[j];
                    row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), previous + (a[i - 1] == b[j - 1] ? 0 : 1));
                    previous = current;
                }
            }
            return row[b.Length];
        }
    }
}
