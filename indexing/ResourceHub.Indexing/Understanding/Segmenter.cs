using JiebaNet.Segmenter;

namespace ResourceHub.Indexing.Understanding;

/// <summary>
/// Word segmentation with jieba.NET: its dictionary ships as files in {app}/jieba (copied from the package at
/// build), and every curriculum term, concept word and stop phrase is added as a user word so 平行四边形,
/// 二元一次方程组 and 怎么办 stay whole. jieba's state is process-wide, so one instance serves everyone.
/// </summary>
public sealed class Segmenter
{
    private static readonly Lazy<Segmenter> Instance = new(() => new Segmenter(Lexicon.Default));
    private readonly JiebaSegmenter _jieba;

    private Segmenter(Lexicon lexicon)
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        _jieba = new JiebaSegmenter();
        // A high frequency makes the user word win over jieba's own splits of it.
        foreach (var term in lexicon.Terms.Where(IsWord).Concat(lexicon.StopPhrases.Where(p => p.Length > 1)).Concat(SynonymSet.Shipped.Rules.SelectMany(Words)))
            _jieba.AddWord(term, 100_000);
        Idf = LoadIdf();
    }

    public static Segmenter Default => Instance.Value;

    /// <summary>Words of a normalized CJK text, in order (no HMM guessing of unknown words: they fall apart into known pieces).</summary>
    public IReadOnlyList<string> Cut(string text)
    {
        lock (_jieba) // jieba's user-word table is shared state
            return _jieba.Cut(text, cutAll: false, hmm: false).Where(w => w.Trim().Length > 0).ToList();
    }

    /// <summary>
    /// How much a word says: its inverse frequency in jieba's dictionary, scaled so a common word (学生, 设计) is about
    /// 0.5 and a rare one (勾股定理) about 1.5. Words jieba does not know count as rare.
    /// </summary>
    public double Weight(string word) => Idf.TryGetValue(word, out var w) ? w : 1.5;

    private Dictionary<string, double> Idf { get; }

    private static Dictionary<string, double> LoadIdf()
    {
        var counts = new Dictionary<string, double>(StringComparer.Ordinal);
        var path = Path.Combine(ConfigManager.ConfigFileBaseDir, "dict.txt");
        long total = 0;
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ');
            if (parts.Length >= 2 && long.TryParse(parts[1], out var n))
            {
                counts[parts[0]] = n;
                total += n;
            }
        }
        // log(total / count) runs from ~7 (very common) to ~18 (once); map 8 → 0.5 … 16 → 1.5.
        return counts.ToDictionary(p => p.Key, p => Math.Clamp(0.5 + (Math.Log(total / p.Value) - 8) / 8, 0.4, 1.5));
    }

    // Topics that are phrases (平行四边形的面积, 双减背景下的作业设计) are better cut into their words.
    private static bool IsWord(string term) => term.Length <= 8 && !term.Contains(' ') && !term.Contains('的') && !term.Contains('与');

    private static IEnumerable<string> Words(string rule) =>
        rule.Replace("=>", ",", StringComparison.Ordinal).Split(',').Select(w => w.Trim()).Where(w => w.Length > 1);
}
