using System.Text.Json;

namespace ResourceHub.Indexing.Understanding;

/// <summary>A word that names a grade, stage, subject or kind: its codes and every way teachers write it.</summary>
public sealed record ConceptWord(ConceptRole Role, string Code, string? Stage, IReadOnlyList<string> Aliases);

/// <summary>One textbook topic of the catalogue (curriculum.json).</summary>
public sealed record CurriculumTopic(string Stage, string Subject, string Name);

/// <summary>
/// The shipped word lists: concept words and stop phrases (concepts.json) and the textbook-topic catalogue
/// (curriculum.json). The catalogue and the taxonomy's names are the curriculum terms the segmenter keeps whole and
/// typo correction proposes.
/// </summary>
public sealed class Lexicon
{
    private readonly Dictionary<string, ConceptWord> _byAlias = new(StringComparer.Ordinal);

    private Lexicon()
    {
        using var concepts = JsonDocument.Parse(DataFiles.Text("concepts.json"));
        var root = concepts.RootElement;
        foreach (var g in root.GetProperty("grades").EnumerateArray())
            Add(new ConceptWord(ConceptRole.Grade, g.GetProperty("code").GetString()!, g.GetProperty("stage").GetString(),
                [g.GetProperty("name").GetString()!, .. Strings(g.GetProperty("aliases"))]));
        foreach (var (property, role) in new[] { ("stages", ConceptRole.Stage), ("subjects", ConceptRole.Subject), ("kinds", ConceptRole.Kind) })
            foreach (var e in root.GetProperty(property).EnumerateArray())
                Add(new ConceptWord(role, e.GetProperty("code").GetString()!, role == ConceptRole.Stage ? e.GetProperty("code").GetString() : null,
                    Strings(e.GetProperty("aliases"))));
        StopPhrases = Strings(root.GetProperty("stopPhrases")).ToHashSet(StringComparer.Ordinal);

        using var curriculum = JsonDocument.Parse(DataFiles.Text("curriculum.json"));
        Topics = curriculum.RootElement.GetProperty("catalogue").EnumerateObject()
            .SelectMany(stage => stage.Value.EnumerateObject().SelectMany(subject =>
                Strings(subject.Value).Select(name => new CurriculumTopic(stage.Name, subject.Name, name))))
            .ToList();
        Terms = Topics.Select(t => t.Name)
            .Concat(Domain.Taxonomy.TaxonomyCatalog.Default.Topics.Terms.Select(t => t.Name))
            .Concat(_byAlias.Keys)
            .Where(t => t.Length >= 2)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        _termParts = Terms.Where(t => !_byAlias.ContainsKey(t))
            .SelectMany(t => Enumerable.Range(0, t.Length - 1).SelectMany(i => Enumerable.Range(2, t.Length - i - 1).Select(n => t.Substring(i, n))))
            .ToHashSet(StringComparer.Ordinal);
    }

    private readonly HashSet<string> _termParts;

    public static Lexicon Default { get; } = new();

    public IReadOnlySet<string> StopPhrases { get; }

    public IReadOnlyList<CurriculumTopic> Topics { get; }

    /// <summary>Curriculum terms: catalogue topics, taxonomy topics and every concept word's aliases.</summary>
    public IReadOnlyList<string> Terms { get; }

    /// <summary>True when the word is a curriculum topic or part of one (不等式 of 一元一次不等式), not a grade/kind alias.</summary>
    public bool InCurriculum(string word) => _termParts.Contains(word);

    public IEnumerable<ConceptWord> ConceptWords => _byAlias.Values.Distinct();

    public ConceptWord? ConceptWordFor(string word) => _byAlias.GetValueOrDefault(word);

    /// <summary>The display name of a grade code (g8 → 八年级), null for codes the lexicon does not know.</summary>
    public IReadOnlyList<string> GradeNames(string? code) =>
        code is null ? [] : ConceptWords.FirstOrDefault(w => w.Role == ConceptRole.Grade && string.Equals(w.Code, code, StringComparison.OrdinalIgnoreCase))?.Aliases ?? [];

    private void Add(ConceptWord word)
    {
        foreach (var alias in word.Aliases)
            _byAlias.TryAdd(alias.ToLowerInvariant(), word);
    }

    private static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();
}
