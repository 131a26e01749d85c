using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace ResourceHub.Web.Rendering;

/// <summary>
/// Search highlights arrive as escaped text with &lt;em&gt; marks. We do not pass them through: the text between the
/// marks is decoded and encoded again, so only our own &lt;em&gt; elements reach the page, whatever the index returned.
/// </summary>
public static class Highlight
{
    private const string Open = "<em>";
    private const string Close = "</em>";

    public static IHtmlContent Render(string? highlighted, string plain)
    {
        if (string.IsNullOrEmpty(highlighted))
            return new HtmlString(Html.Encoder.Encode(plain));
        var html = new StringBuilder();
        var rest = highlighted.AsSpan();
        while (rest.Length > 0)
        {
            var open = rest.IndexOf(Open, StringComparison.Ordinal);
            if (open < 0)
            {
                html.Append(Text(rest));
                break;
            }
            html.Append(Text(rest[..open]));
            rest = rest[(open + Open.Length)..];
            var close = rest.IndexOf(Close, StringComparison.Ordinal);
            var marked = close < 0 ? rest : rest[..close];
            html.Append("<mark>").Append(Text(marked)).Append("</mark>");
            rest = close < 0 ? [] : rest[(close + Close.Length)..];
        }
        return new HtmlString(html.ToString());
    }

    private static string Text(ReadOnlySpan<char> escaped) => Html.Encoder.Encode(WebUtility.HtmlDecode(escaped.ToString()));
}
