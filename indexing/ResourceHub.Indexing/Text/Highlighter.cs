using System.Text;

namespace ResourceHub.Indexing.Text;

/// <summary>
/// Wraps the parts of a text that a query matched in &lt;em&gt;…&lt;/em&gt;, on the original text
/// (the FTS index stores tokens, not the text). Long texts are cut to a fragment around the first match.
/// A highlight is HTML: the text is escaped and the marks are the only markup in it, so a title such as
/// "&lt;img onerror=…&gt;" cannot become live markup in a client that renders highlights.
/// </summary>
public static class Highlighter
{
    public const string Pre = "<em>";
    public const string Post = "</em>";

    /// <summary>How long a snippet of the text inside a file is (both engines), in characters.</summary>
    public const int ContentFragment = 80;

    /// <summary>The highlight key of that snippet; given only when the title and description show no match.</summary>
    public const string ContentField = "Content";

    /// <summary>Marks an engine (Elasticsearch) puts around matches: private-use characters, never markup, turned into Pre/Post after escaping.</summary>
    public const string EnginePre = "\uE000";
    public const string EnginePost = "\uE001";

    /// <summary>An engine's fragment (raw text with <see cref="EnginePre"/>/<see cref="EnginePost"/>) as safe HTML.</summary>
    public static string FromEngineFragment(string fragment)
    {
        var sb = new StringBuilder(fragment.Length + 16);
        foreach (var c in fragment)
        {
            if (c == EnginePre[0])
                sb.Append(Pre);
            else if (c == EnginePost[0])
                sb.Append(Post);
            else
                AppendEscaped(sb, c);
        }
        return sb.ToString();
    }

    private static void AppendEscaped(StringBuilder sb, char c) => sb.Append(c switch
    {
        '<' => "&lt;",
        '>' => "&gt;",
        '&' => "&amp;",
        '"' => "&quot;",
        '\'' => "&#39;",
        _ => null,
    } ?? (object)c);

    /// <summary>Highlighted text, or null when nothing matched.</summary>
    public static string? Highlight(string? text, IReadOnlyCollection<string> queryTokens, int fragmentLength = int.MaxValue)
    {
        if (string.IsNullOrEmpty(text) || queryTokens.Count == 0)
            return null;
        var marked = new bool[text.Length];
        var any = false;
        foreach (var token in queryTokens.Where(t => t.Length > 0))
        {
            for (var at = text.IndexOf(token, StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(token, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                if (!IsWholeLatinWord(text, at, token.Length, token))
                    continue;
                Array.Fill(marked, true, at, token.Length);
                any = true;
            }
        }
        if (!any)
            return null;
        var (start, end) = Fragment(text.Length, Array.IndexOf(marked, true), fragmentLength);
        var sb = new StringBuilder();
        if (start > 0)
            sb.Append('…');
        for (var i = start; i < end; i++)
        {
            if (marked[i] && (i == start || !marked[i - 1]))
                sb.Append(Pre);
            AppendEscaped(sb, text[i]);
            if (marked[i] && (i == end - 1 || !marked[i + 1]))
                sb.Append(Post);
        }
        if (end < text.Length)
            sb.Append('…');
        return sb.ToString();
    }

    // "ppt" must not light up inside "ppts": Latin tokens are whole words, as in the index.
    private static bool IsWholeLatinWord(string text, int at, int length, string token)
    {
        if (!char.IsAsciiLetterOrDigit(token[0]))
            return true;
        var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
        var after = at + length >= text.Length || !char.IsLetterOrDigit(text[at + length]);
        return before && after;
    }

    private static (int Start, int End) Fragment(int length, int firstMatch, int fragmentLength)
    {
        if (length <= fragmentLength)
            return (0, length);
        var start = Math.Max(0, firstMatch - fragmentLength / 4);
        return (start, Math.Min(length, start + fragmentLength));
    }
}
