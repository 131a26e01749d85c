namespace ResourceHub.Indexing.Understanding;

/// <summary>Toneless pinyin of each common ideograph (Data/homophones.txt): 边 and 变 are both "bian".</summary>
public sealed class Homophones
{
    private readonly Dictionary<char, List<string>> _syllables = [];

    private Homophones()
    {
        foreach (var line in DataFiles.Lines(DataFiles.Text("homophones.txt")))
        {
            var tab = line.IndexOf('\t');
            if (tab <= 0)
                continue;
            var syllable = line[..tab];
            foreach (var c in line[(tab + 1)..])
            {
                if (!_syllables.TryGetValue(c, out var list))
                    _syllables[c] = list = [];
                list.Add(syllable);
            }
        }
    }

    public static Homophones Default { get; } = new();

    /// <summary>The readings of a character; the character itself when it has none (Latin, rare ideographs).</summary>
    public IReadOnlyList<string> Of(char c) => _syllables.TryGetValue(c, out var list) ? list : [c.ToString()];

    /// <summary>Every pinyin spelling of a word (one reading per character), at most <paramref name="limit"/>.</summary>
    public IEnumerable<string> Keys(string word, int limit = 16)
    {
        IEnumerable<string> keys = [""];
        foreach (var c in word)
        {
            var readings = Of(c);
            keys = keys.SelectMany(k => readings.Select(r => k.Length == 0 ? r : k + " " + r)).Take(limit);
        }
        return keys;
    }
}
