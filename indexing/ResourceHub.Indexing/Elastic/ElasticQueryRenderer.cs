using System.Text.Json;
using System.Text.Json.Nodes;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using EsQuery = Elastic.Clients.Elasticsearch.QueryDsl.Query;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Text;
using ResourceHub.Indexing.Understanding;
using ResourceHub.Query.Model;
using EsCountRequest = Elastic.Clients.Elasticsearch.CountRequest;
using EsSearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;
using SearchRequest = ResourceHub.Indexing.SearchRequest;

namespace ResourceHub.Indexing.Elastic;

/// <summary>
/// Renders our search requests to the official client's typed requests (query DSL, sort, aggregations, highlight).
/// The user's text arrives understood (<see cref="StructuredQuery"/>) and only ever goes into match queries as plain
/// text, never into a query syntax: each concept is a dis_max of its terms (multi_match phrases over weighted fields;
/// Latin words fuzzy), the counted concepts a bool.should with minimum_should_match, concept words term boosts.
/// Filters and visibility go to bool.filter; facet selections to post_filter so each facet's own aggregation can
/// ignore its selection; paging uses search_after, never from+size. The requests name no index: the caller sets it.
/// </summary>
public sealed class ElasticQueryRenderer(RankingBoost boost, QueryUnderstanding? understanding = null)
{
    private readonly QueryUnderstanding _understanding = understanding ?? QueryUnderstanding.Default;

    /// <summary>How much a concept word's matching code adds (Kind = micro-lesson for 微课), next to a concept's weight of about 1.</summary>
    public const float CodeBoost = 0.5f;

    public StructuredQuery Understand(SearchRequest request) => _understanding.Understand(request.Query.Search);

    // Title counts three times the description, tags and code names twice, the text inside the file half
    // (FTS: bm25 weights 10/4/1/0.5).
    private static readonly string[] TextFields = ["title^3", "code_names^2", "tags.text^2", "description", "content^0.5"];
    // One ideograph: the bigram fields cannot match it, the per-character sub-fields can.
    private static readonly string[] CharFields = ["title.chars^3", "code_names.chars^2", "description.chars", "content.chars^0.5"];

    public EsSearchRequest Search(SearchRequest request) => Search(request, Understand(request));

    /// <summary>The request for an already understood (perhaps typo-corrected) text.</summary>
    public EsSearchRequest Search(SearchRequest request, StructuredQuery text)
    {
        var search = new EsSearchRequest
        {
            Size = request.PageSize,
            TrackTotalHits = request.Query.Count,
            Query = Query(request, text),
            Sort = Sort(request, text),
            // Hits are read from _source; the text inside the file (up to 200 KB) only feeds the highlight.
            Source = new SourceConfig(new SourceFilter { Excludes = new[] { "content" } }),
        };
        if (request.Query.After is { } after)
            search.SearchAfter = after.Values.Select(ToFieldValue).ToList();
        var selections = Selections(request, except: null);
        if (selections.Count > 0)
            search.PostFilter = new BoolQuery { Filter = selections };
        if (request.Facets is { Fields.Count: > 0 } facets)
            search.Aggregations = Aggregations(request, facets);
        if (!text.IsEmpty)
            search.Highlight = Highlight(text);
        return search;
    }

    /// <summary>For _count: the same query with facet selections folded into the filter.</summary>
    public EsCountRequest Count(SearchRequest request) => Count(request, Understand(request));

    public EsCountRequest Count(SearchRequest request, StructuredQuery text) => new() { Query = Matches(request, text) };

    /// <summary>Every visible match of the text, $filter and ticked facet values (what _count counts and $apply groups).</summary>
    public EsQuery Matches(SearchRequest request, StructuredQuery text)
    {
        var query = Query(request, text);
        var selections = Selections(request, except: null);
        return selections.Count > 0 ? new BoolQuery { Filter = [query, .. selections] } : query;
    }

    /// <summary>For _count: the visible documents one term (as a concept alone) finds, for typo correction.</summary>
    public EsCountRequest TermCount(string term, Domain.Access.VisibilityScope scope) => new()
    {
        Query = new BoolQuery
        {
            Filter = [ElasticFilterRenderer.Visibility(scope)],
            Must = [ConceptClause(new Concept(term, [term], ConceptRole.Topic))],
        },
    };

    public static EsSearchRequest Suggest(SuggestRequest request)
    {
        var prefix = request.Prefix.Trim();
        return new EsSearchRequest
        {
            Size = Math.Clamp(request.Size, 1, 50),
            Source = new SourceConfig(new SourceFilter { Includes = new[] { "id", "title" } }),
            Query = new BoolQuery
            {
                Filter = [ElasticFilterRenderer.Visibility(request.Scope)],
                Should =
                [
                    new PrefixQuery("title.raw", prefix) { CaseInsensitive = true, Boost = 3 },
                    new MatchPhrasePrefixQuery("title.chars", prefix),
                ],
                MinimumShouldMatch = 1,
            },
            Sort = [ScoreSort, FieldSort("level_rank", descending: true), FieldSort("id", descending: false)],
        };
    }

    private EsQuery Query(SearchRequest request, StructuredQuery text)
    {
        EsQuery[] filters = [ElasticFilterRenderer.Visibility(request.Scope), ElasticFilterRenderer.Render(request.Query.Filter)];
        if (text.IsEmpty)
            return new BoolQuery { Filter = filters };
        // score × (1 + w·level_rank + v·quality): functions summed, then multiplied into the text score.
        return new FunctionScoreQuery
        {
            Query = TextBool(text, filters),
            Functions =
            [
                new FunctionScore { Weight = 1 },
                FieldFactor("level_rank", boost.LevelWeight),
                FieldFactor("quality_score", boost.QualityWeight),
            ],
            ScoreMode = FunctionScoreMode.Sum,
            BoostMode = FunctionBoostMode.Multiply,
        };
    }

    /// <summary>
    /// must: the counted concepts (minimum_should_match of them) and every quoted phrase; should: the optional concepts
    /// and the codes concept words point at (boosts only); must_not: the excluded words.
    /// </summary>
    private static BoolQuery TextBool(StructuredQuery text, EsQuery[] filters)
    {
        var must = new List<EsQuery>();
        if (text.Counted.Count > 0)
            must.Add(new BoolQuery { Should = text.Counted.Select(ConceptClause).ToList(), MinimumShouldMatch = text.MinimumShouldMatch });
        must.AddRange(text.Mandatory.Select(ConceptClause));
        var should = text.Optional.Select(ConceptClause).Concat(text.Boosts.Select(CodeClause)).ToList();
        var result = new BoolQuery { Must = must, Filter = filters };
        if (should.Count > 0)
            result.Should = should;
        if (text.Excluded.Count > 0)
            result.MustNot = text.Excluded.Select(w => TermClause(w, fuzzy: false)).ToList();
        return result;
    }

    /// <summary>A concept: the best of its terms (dis_max, so synonyms do not add up); a relaxed one needs MinimumTerms of them.</summary>
    private static EsQuery ConceptClause(Concept c)
    {
        var terms = c.Terms.Select(t => TermClause(t, fuzzy: c.IsLatin && c.Role == ConceptRole.Topic)).ToList();
        if (c.MinimumTerms > 1)
            return new BoolQuery { Should = terms, MinimumShouldMatch = c.MinimumTerms, Boost = Round(c.Weight) };
        return new DisMaxQuery { Queries = terms, Boost = Round(c.Weight) };
    }

    /// <summary>One term as a phrase over the weighted fields; one ideograph on the per-character fields; a Latin word fuzzily.</summary>
    private static EsQuery TermClause(string term, bool fuzzy)
    {
        var runes = term.EnumerateRunes().ToList();
        var single = runes.Count == 1 && CjkTokenizer.IsCjk(runes[0]);
        var match = new MultiMatchQuery(term) { Fields = single ? CharFields : TextFields };
        if (fuzzy && !term.Contains(' ') && term.Any(char.IsAsciiLetter))
        {
            match.Operator = Operator.And;
            match.Fuzziness = new Fuzziness("AUTO");
            match.PrefixLength = 1;
        }
        else
            match.Type = TextQueryType.Phrase;
        return match;
    }

    private static EsQuery CodeClause(FieldBoost b) => new TermQuery(SearchFields.Get(b.Field).Column, b.Code) { Boost = CodeBoost };

    private static float Round(double weight) => (float)Math.Round(weight, 3);

    private static FunctionScore FieldFactor(string field, double factor) =>
        new FieldValueFactorScoreFunction(field) { Factor = factor, Missing = 0 };

    private static SortOptions ScoreSort => new() { Score = new ScoreSort { Order = SortOrder.Desc } };

    private static SortOptions FieldSort(string column, bool descending) =>
        new FieldSort(column) { Order = descending ? SortOrder.Desc : SortOrder.Asc };

    // Nulls sort as the smallest value, as in the FTS engine.
    private static List<SortOptions> Sort(SearchRequest request, StructuredQuery text) =>
        SortKeys.For(request, text).Select(k => k.Field switch
        {
            null => ScoreSort,
            var f when f == SearchFields.Id => FieldSort("id", k.Descending),
            var f => (SortOptions)new FieldSort(f == SearchFields.Title ? "title.raw" : f.Column)
            {
                Order = k.Descending ? SortOrder.Desc : SortOrder.Asc,
                Missing = k.Descending ? "_last" : "_first",
            },
        }).ToList();

    private static List<EsQuery> Selections(SearchRequest request, SearchField? except) =>
        SortKeys.Selections(request, except).Select(s => ElasticFilterRenderer.Selection(s.Field, s.Values)).ToList();

    private static Dictionary<string, Aggregation> Aggregations(SearchRequest request, FacetRequest facets)
    {
        var aggs = new Dictionary<string, Aggregation>();
        foreach (var name in facets.Fields)
        {
            var field = SearchFields.Facet(name);
            var others = Selections(request, except: field);
            aggs[field.Name] = new Aggregation
            {
                Filter = others.Count == 0 ? ElasticFilterRenderer.MatchAll() : new BoolQuery { Filter = others },
                Aggregations = new Dictionary<string, Aggregation>
                {
                    [FacetValues] = new TermsAggregation
                    {
                        Field = field.Column,
                        Size = facets.Size,
                        Order = [new("_count", SortOrder.Desc), new("_key", SortOrder.Asc)],
                    },
                },
            };
        }
        return aggs;
    }

    /// <summary>The name of the terms aggregation inside each facet's filter aggregation.</summary>
    public const string FacetValues = "values";

    private static Highlight Highlight(StructuredQuery text)
    {
        var suffix = text.IsSingleCjkCharacter ? ".chars" : "";
        return new Highlight
        {
            // Placeholders, not <em>: ES returns the text unescaped, so the API escapes it and then adds the marks.
            PreTags = [Highlighter.EnginePre],
            PostTags = [Highlighter.EnginePost],
            Fields =
            [
                new("title" + suffix, new HighlightField { NumberOfFragments = 0 }),
                new("description" + suffix, new HighlightField { FragmentSize = 160, NumberOfFragments = 1 }),
                new("content" + suffix, new HighlightField { FragmentSize = Highlighter.ContentFragment, NumberOfFragments = 1 }),
            ],
        };
    }

    private static FieldValue ToFieldValue(object? value) => value switch
    {
        null => FieldValue.Null,
        FieldValue v => v,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString()!,
        JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var l) => l,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        JsonElement { ValueKind: JsonValueKind.True or JsonValueKind.False } e => e.GetBoolean(),
        JsonElement => FieldValue.Null,
        JsonValue n when n.TryGetValue<long>(out var l) => l,
        JsonValue n when n.TryGetValue<double>(out var d) => d,
        string s => s,
        double d => d,
        long l => l,
        int i => i,
        _ => value.ToString()!,
    };
}
