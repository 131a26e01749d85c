namespace ResourceHub.Indexing.Understanding;

/// <summary>
/// Domain synonyms in the Solr format Elasticsearch's synonym_graph filter reads: "a, b, c" (equivalent) and
/// "a => b, c" (one way). The shipped list (Data/synonyms.txt) plus the admins' file ({DataDir}/search/synonyms.txt),
/// whose rules are added after the shipped ones and replace a shipped rule for the same left-hand word.
/// </summary>
public sealed class SynonymSet
{
    private readonly Dictionary<string, List<string>> _expansions = new(StringComparer.Ordinal);

    public SynonymSet(IEnumerable<string> rules)
    {
        var byHead = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rule in rules.Select(r => r.Trim()).Where(r => r.Length > 0 && !r.StartsWith('#')))
            byHead[Head(rule)] = rule;
        Rules = byHead.Values.ToList();
        foreach (var rule in Rules)
        {
            var arrow = rule.IndexOf("=>", StringComparison.Ordinal);
            if (arrow >= 0)
            {
                var targets = Words(rule[(arrow + 2)..]);
                foreach (var from in Words(rule[..arrow]))
                    Expand(from, targets);
            }
            else
            {
                var words = Words(rule);
                foreach (var word in words)
                    Expand(word, words);
            }
        }
    }

    /// <summary>The effective rules, one per line, for Elasticsearch's synonym_graph filter.</summary>
    public IReadOnlyList<string> Rules { get; }

    public static SynonymSet Shipped { get; } = new(DataFiles.Lines(DataFiles.Text("synonyms.txt")));

    /// <summary>The word and what it also finds; the word itself first.</summary>
    public IReadOnlyList<string> Expand(string word) =>
        _expansions.TryGetValue(word, out var more) ? [word, .. more.Where(m => m != word)] : [word];

    /// <summary>The shipped rules followed by the admins' file (when it exists).</summary>
    public static SynonymSet WithOverrides(string? path) =>
        path is not null && File.Exists(path)
            ? new SynonymSet(DataFiles.Lines(DataFiles.Text("synonyms.txt")).Concat(DataFiles.Lines(File.ReadAllText(path))))
            : Shipped;

    private void Expand(string from, IEnumerable<string> to)
    {
        if (!_expansions.TryGetValue(from, out var list))
            _expansions[from] = list = [];
        list.AddRange(to.Where(t => !list.Contains(t)));
    }

    // A rule is identified by its first word: an admin's "教案, 教学设计, 备课稿" replaces the shipped "教案, 教学设计".
    private static string Head(string rule) => Words(rule.Split("=>")[0]).FirstOrDefault() ?? rule;

    private static List<string> Words(string list) =>
        list.Split(',').Select(w => ChineseText.Default.Normalize(w.Trim())).Where(w => w.Length > 0).ToList();
}
