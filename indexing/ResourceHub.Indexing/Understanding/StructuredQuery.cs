using ResourceHub.Indexing.Text;

namespace ResourceHub.Indexing.Understanding;

/// <summary>What a concept of the query is: a topic word, a quoted phrase, or a word naming a grade, stage, subject or kind.</summary>
public enum ConceptRole { Topic, Phrase, Grade, Stage, Subject, Kind }

/// <summary>
/// One thing the teacher asked for. A document has the concept when any of its <see cref="Terms"/> occurs as a phrase in
/// its text (title, tags and code names, description); a relaxed concept (typo fallback) needs only
/// <see cref="MinimumTerms"/> of them. <see cref="Weight"/> is how much the word says (rarer words say more).
/// A <see cref="Modifier"/> (a negated verb such as 不交, 没听) says how, not what: it raises the score but is not counted.
/// </summary>
public sealed record Concept(string Text, IReadOnlyList<string> Terms, ConceptRole Role, double Weight = 1.0, int MinimumTerms = 1,
    bool Modifier = false)
{
    /// <summary>Grade, stage, subject and kind words: they boost documents with that code, and suggest facets.</summary>
    public bool IsConceptWord => Role is ConceptRole.Grade or ConceptRole.Stage or ConceptRole.Subject or ConceptRole.Kind;

    /// <summary>Latin or digit words (python, unit): Elasticsearch may match them fuzzily.</summary>
    public bool IsLatin => Text.All(c => c < 0x3000);

    /// <summary>Each term's tokens as the index holds them (bigrams of CJK, lower-cased Latin words), for phrase matching.</summary>
    public IReadOnlyList<IReadOnlyList<string>> TermTokens => Terms.Select(t => CjkTokenizer.ForQuery(t)).Where(t => t.Count > 0).ToList();
}

/// <summary>A field value a concept word points at (Stage = junior for 初二): a boost, never a filter.</summary>
public sealed record FieldBoost(string Field, string Code);

/// <summary>
/// The user's search text, understood: the concepts a document should have (at least <see cref="MinimumShouldMatch"/> of
/// <see cref="Counted"/>, and every <see cref="Mandatory"/> one), the <see cref="Optional"/> ones that only raise the
/// score, what must not occur, boosts and facet suggestions from concept words, and a corrected text when typos were fixed.
/// Both engines render this one structure.
/// </summary>
public sealed record StructuredQuery(
    IReadOnlyList<Concept> Concepts,
    IReadOnlyList<string> Excluded,
    IReadOnlyList<FieldBoost> Boosts,
    string? DidYouMean = null,
    int? MinimumOverride = null)
{
    public static readonly StructuredQuery Empty = new([], [], []);

    public bool IsEmpty => Concepts.Count == 0;

    /// <summary>Quoted phrases: every one must occur.</summary>
    public IReadOnlyList<Concept> Mandatory => Concepts.Where(c => c.Role == ConceptRole.Phrase).ToList();

    /// <summary>
    /// The concepts minimum-should-match counts: the topic words (modifiers only when nothing else is there); when the query has only concept words
    /// (七年级 数学), those. Concept words beside topic words only boost, so a mislabelled resource is still found.
    /// </summary>
    public IReadOnlyList<Concept> Counted
    {
        get
        {
            var all = Concepts.Where(c => c.Role == ConceptRole.Topic).ToList();
            var topics = all.Any(c => !c.Modifier) ? all.Where(c => !c.Modifier).ToList() : all;
            return topics.Count > 0 || Mandatory.Count > 0 ? topics : Concepts.Where(c => c.IsConceptWord).ToList();
        }
    }

    public IReadOnlyList<Concept> Optional => Concepts.Except(Mandatory).Except(Counted).ToList();

    /// <summary>All of one or two concepts, about three quarters of more (3 → 2, 4 → 3, 5 → 3, 6 → 4), as ES's "75%".</summary>
    public int MinimumShouldMatch => MinimumOverride ?? (Counted.Count <= 2 ? Counted.Count : (int)Math.Floor(Counted.Count * 0.75));

    /// <summary>Facet values the concept words point at, for the client to offer (Stage: junior, Kind: micro-lesson).</summary>
    public IReadOnlyList<FieldBoost> SuggestedFacets => Boosts.Distinct().ToList();

    /// <summary>How many phrase terms the engines score per document (the cost measure of the exact ranking path).</summary>
    public int TokenCount => Concepts.Sum(c => c.Terms.Count);

    /// <summary>Every token any concept's terms produce, for highlighting.</summary>
    public IReadOnlyList<string> HighlightTokens() =>
        Concepts.SelectMany(c => c.Terms).Distinct().ToList();

    /// <summary>
    /// The fallback for a query that found nothing: each topic word of four or more ideographs needs only half of its
    /// character pairs, at least two (平行四变形 still finds 平行四边形 through 平行 and 行四), and a query of three or
    /// more concepts needs only one of them (ranking still puts those with more first). Two concepts need only one when
    /// <paramref name="eachFindsSomething"/>: both are in the collection, just never together (读后续写 + 习作指导);
    /// a pair where one finds nothing (量子 + 计算机) asks about something the collection lacks.
    /// </summary>
    public StructuredQuery Relaxed(bool eachFindsSomething = false) => this with
    {
        MinimumOverride = Counted.Count >= 3 || (Counted.Count == 2 && eachFindsSomething) ? 1 : null,
        // One stray character (链 of 区块链金融) would then find anything: it stays only when it is all there is.
        Concepts = Concepts.Where(c => Counted.Count < 3 || c.Role != ConceptRole.Topic || c.Text.Length > 1).Select(c => c.Role == ConceptRole.Topic && c.Text.Length >= 4 && c.Text.All(ch => ch is >= '\u4E00' and <= '\u9FFF')
            ? new Concept(c.Text, CjkTokenizer.ForQuery(c.Text), ConceptRole.Topic, c.Weight, MinimumTerms: Math.Max(2, (CjkTokenizer.ForQuery(c.Text).Count + 1) / 2))
            : c).ToList(),
    };

    /// <summary>True when the whole query is one CJK character, which bigram fields cannot match.</summary>
    public bool IsSingleCjkCharacter =>
        Concepts is [{ Terms: [var t] }] && Excluded.Count == 0 && t.EnumerateRunes().Count() == 1 && CjkTokenizer.IsCjk(t.EnumerateRunes().First());
}
