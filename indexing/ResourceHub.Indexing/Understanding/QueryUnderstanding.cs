using System.Text;
using ResourceHub.Indexing.Text;

namespace ResourceHub.Indexing.Understanding;

/// <summary>
/// The user's free text → <see cref="StructuredQuery"/>, the same for both engines: NFKC and traditional → simplified;
/// quoted text as phrases, 《…》 titles kept whole, "-word" excluded; jieba segmentation with the curriculum terms;
/// stop phrases dropped; grade, stage, subject and kind words recognised (boosts and facet suggestions); every word
/// expanded with the domain synonyms (shipped list plus the admins' file, re-read when it changes).
/// </summary>
public sealed class QueryUnderstanding
{
    /// <summary>More concepts than this add cost, not precision; the rest of a long text is dropped.</summary>
    public const int MaxConcepts = 8;

    private readonly Lexicon _lexicon = Lexicon.Default;
    private readonly ChineseText _text = ChineseText.Default;
    private readonly SynonymSource _synonyms;
    private readonly Lazy<TypoCorrector> _corrector;

    /// <param name="synonymsPath">The admins' synonym file ({DataDir}/search/synonyms.txt); null for the shipped list only.</param>
    public QueryUnderstanding(string? synonymsPath = null)
    {
        _synonyms = new SynonymSource(synonymsPath);
        _corrector = new(() => new TypoCorrector(_lexicon.Terms, Homophones.Default));
    }

    /// <summary>
    /// Loads what the first search would otherwise wait for (jieba's dictionary, the curriculum lexicon, OpenCC and
    /// homophone tables, the typo corrector): seconds on a busy machine, paid once at start instead.
    /// </summary>
    public void Prepare()
    {
        Understand("初二数学《平行四边形》課堂 PPT");
        _ = _corrector.Value;
    }

    public bool IsPrepared => _corrector.IsValueCreated;

    /// <summary>Shipped data only (tests, tools).</summary>
    public static QueryUnderstanding Default { get; } = new();

    public SynonymSet Synonyms => _synonyms.Current;

    public StructuredQuery Understand(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return StructuredQuery.Empty;
        var normalized = _text.Normalize(text);
        var concepts = new List<Concept>();
        var excluded = new List<string>();
        foreach (var (part, quoted) in QuotedParts(normalized))
        {
            if (quoted)
            {
                if (CjkTokenizer.ForQuery(part).Count > 0)
                    concepts.Add(new Concept(part.Trim(), [part.Trim()], ConceptRole.Phrase, 1.5));
                continue;
            }
            foreach (var chunk in part.Split((char[])[' ', '\t', '\u3000', '+', '|'], StringSplitOptions.RemoveEmptyEntries))
            {
                if (chunk.Length > 1 && chunk[0] == '-')
                    excluded.AddRange(CjkTokenizer.Runs(chunk[1..]).Select(r => r.Text));
                else
                    concepts.AddRange(Words(chunk));
            }
        }
        var distinct = concepts.Where(c => c.TermTokens.Count > 0).DistinctBy(c => c.Text).Take(MaxConcepts).ToList();
        return new StructuredQuery(distinct, excluded.Distinct().ToList(), distinct.SelectMany(Boosts).Distinct().ToList());
    }

    /// <summary>Curriculum terms the text may have meant, for the engines' typo fallback.</summary>
    public IReadOnlyList<Correction> Corrections(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : _corrector.Value.Propose(_text.Normalize(text));

    /// <summary>The text with the fixes applied, as "您是不是要找" shows it.</summary>
    public string Corrected(string text, IEnumerable<Correction> fixes) =>
        fixes.Aggregate(_text.Normalize(text), (t, f) => t.Replace(f.Typed, f.Term, StringComparison.Ordinal)).Trim();

    private IEnumerable<Concept> Words(string chunk)
    {
        foreach (var piece in TitleMarked(chunk))
        {
            if (piece.Whole)
            {
                if (CjkTokenizer.ForQuery(piece.Text).Count > 0)
                    yield return Topic(piece.Text);
                continue;
            }
            foreach (var run in CjkTokenizer.Runs(piece.Text))
            {
                var words = run.Cjk ? Merged(Segmenter.Default.Cut(run.Text)) : [run.Text];
                foreach (var word in words)
                    yield return _lexicon.ConceptWordFor(word) is { } known ? ConceptWordConcept(word, known) : Topic(word);
            }
        }
    }

    // Characters jieba could not place (不 交, typos) stay together instead of becoming one-character concepts.
    // Stop phrases go; they also separate (圆和角 is 圆 and 角, not 圆角).
    private List<string> Merged(IReadOnlyList<string> words)
    {
        var merged = new List<string>();
        var previousSingle = false;
        foreach (var word in words)
        {
            if (_lexicon.StopPhrases.Contains(word))
            {
                previousSingle = false;
                continue;
            }
            var single = word.Length == 1 && _lexicon.ConceptWordFor(word) is null;
            if (single && previousSingle)
                merged[^1] += word;
            else
                merged.Add(word);
            previousSingle = single;
        }
        return merged;
    }

    private Concept Topic(string word)
    {
        var terms = Synonyms.Expand(word).ToList();
        // Python3 also finds "Python 3" and Python (a version number is rarely written in a title).
        if (word.Any(char.IsAsciiLetter) && word.Any(char.IsAsciiDigit) && LetterDigitSplit(word) is { } split)
        {
            terms.Add(split);
            if (char.IsAsciiLetter(word[0]) && word.TrimEnd("0123456789.".ToCharArray()) is { Length: >= 3 } letters && letters.All(char.IsAsciiLetter))
                terms.Add(letters);
        }
        return new Concept(word, terms, ConceptRole.Topic, Segmenter.Default.Weight(word), Modifier: IsNegatedVerb(word));
    }

    // 不交, 没听, 不认真: what the pupils fail to do, a teacher's question rather than a topic a resource is titled by.
    private bool IsNegatedVerb(string word) =>
        word.Length is 2 or 3 && word[0] is '不' or '没' && !_lexicon.InCurriculum(word);

    private Concept ConceptWordConcept(string word, ConceptWord known)
    {
        var terms = new List<string> { word };
        terms.AddRange(known.Aliases.Select(a => a.ToLowerInvariant()).Where(a => !terms.Contains(a)));
        terms.AddRange(Synonyms.Expand(word).Where(a => !terms.Contains(a)));
        return new Concept(word, terms, known.Role, 0.6);
    }

    private IEnumerable<FieldBoost> Boosts(Concept c)
    {
        if (!c.IsConceptWord || _lexicon.ConceptWordFor(c.Text) is not { } known)
            yield break;
        switch (known.Role)
        {
            case ConceptRole.Grade:
                yield return new FieldBoost("Grade", known.Code);
                yield return new FieldBoost("Stage", known.Stage!);
                break;
            case ConceptRole.Stage: yield return new FieldBoost("Stage", known.Code); break;
            case ConceptRole.Subject: yield return new FieldBoost("Subject", known.Code); break;
            case ConceptRole.Kind: yield return new FieldBoost("Kind", known.Code); break;
        }
    }

    private static string? LetterDigitSplit(string word)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < word.Length; i++)
        {
            if (i > 0 && char.IsAsciiDigit(word[i]) != char.IsAsciiDigit(word[i - 1]))
                sb.Append(' ');
            sb.Append(word[i]);
        }
        return sb.ToString() == word ? null : sb.ToString();
    }

    /// <summary>Text between straight or curly double quotes is a phrase; an unclosed quote quotes nothing.</summary>
    private static IEnumerable<(string Text, bool Quoted)> QuotedParts(string text)
    {
        var parts = text.Replace('“', '"').Replace('”', '"').Split('"');
        for (var i = 0; i < parts.Length; i++)
        {
            var quoted = i % 2 == 1 && i < parts.Length - 1;
            yield return (quoted || i % 2 == 0 ? parts[i] : "\"" + parts[i], quoted);
        }
    }

    /// <summary>《故乡》: a title is one topic, never split.</summary>
    private static IEnumerable<(string Text, bool Whole)> TitleMarked(string chunk)
    {
        var at = 0;
        while (at < chunk.Length)
        {
            var open = chunk.IndexOf('《', at);
            var close = open < 0 ? -1 : chunk.IndexOf('》', open + 1);
            if (open < 0 || close < 0)
            {
                yield return (chunk[at..], false);
                yield break;
            }
            if (open > at)
                yield return (chunk[at..open], false);
            yield return (chunk[(open + 1)..close], true);
            at = close + 1;
        }
    }

    /// <summary>The admins' synonym file, read again at most every few seconds when its time stamp changes.</summary>
    private sealed class SynonymSource(string? path)
    {
        private SynonymSet _current = SynonymSet.WithOverrides(path);
        private DateTime _stamp = Stamp(path);
        private long _checkedAt = Environment.TickCount64;

        public SynonymSet Current
        {
            get
            {
                if (path is null || Environment.TickCount64 - Interlocked.Read(ref _checkedAt) < 2000)
                    return _current;
                Interlocked.Exchange(ref _checkedAt, Environment.TickCount64);
                var stamp = Stamp(path);
                if (stamp != _stamp)
                {
                    _current = SynonymSet.WithOverrides(path);
                    _stamp = stamp;
                }
                return _current;
            }
        }

        private static DateTime Stamp(string? path) => path is not null && File.Exists(path) ? File.GetLastWriteTimeUtc(path) : DateTime.MinValue;
    }
}
