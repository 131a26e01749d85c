using System.Globalization;
using System.Text;

namespace ResourceHub.Web.Rendering;

/// <summary>
/// Plain bar and line charts and a heat map as inline SVG drawn on the server: no script, no chart library. A narrow viewBox with
/// large text keeps them readable when a phone scales them down; <c>role="img"</c> with a title and a description
/// that sums the data up names them to screen readers (the page shows the full table beside each).
/// </summary>
public static class SvgChart
{
    public const int Width = 400;
    public const string NoData = "暂无数据";
    private const int LabelWidth = 112;
    private const int ValueWidth = 48;
    private const int RowHeight = 26;
    private const int LineHeight = 220;
    private const int MaxLabelChars = 8;
    private const int MaxXLabels = 5;
    private const int HeatCell = 40;

    /// <summary>Horizontal bars, one row per item, longest labels clipped (the table has them whole).</summary>
    public static string Bars(string id, string title, IReadOnlyList<(string Label, double Value)> data)
    {
        if (data.Count == 0)
            return Empty(id, title);
        var max = NiceMax(data.Max(d => d.Value));
        var plot = Width - LabelWidth - ValueWidth;
        var height = data.Count * RowHeight + 8;
        var top = data.MaxBy(d => d.Value);
        var svg = Open(id, title, height, $"{data.Count} 项，最多为{top.Label}：{Number(top.Value)}。完整数据见下表。");
        for (var i = 0; i < data.Count; i++)
        {
            var (label, value) = data[i];
            var y = 4 + i * RowHeight;
            var w = Scale(value, max, plot);
            svg.Append($"<g><title>{E(label)}：{Number(value)}</title>");
            svg.Append($"<text x=\"{LabelWidth - 6}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1f2933\">{E(Clip(label))}</text>");
            svg.Append($"<rect x=\"{LabelWidth}\" y=\"{y + 3}\" width=\"{F(w)}\" height=\"{RowHeight - 8}\" fill=\"#2b6cb0\"/>");
            svg.Append($"<text x=\"{F(LabelWidth + w + 4)}\" y=\"{y + 17}\" font-size=\"13\" fill=\"#1f2933\">{Number(value)}</text></g>");
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>A line over time with a y axis from zero to a round maximum and a few x labels (first and last always).</summary>
    public static string Line(string id, string title, IReadOnlyList<(string Label, double Value)> data)
    {
        if (data.Count == 0)
            return Empty(id, title);
        const int left = 44, right = 16, top = 12, bottom = 36;
        var max = NiceMax(data.Max(d => d.Value));
        var plotW = Width - left - right;
        var plotH = LineHeight - top - bottom;
        double X(int i) => left + (data.Count == 1 ? plotW / 2.0 : i * plotW / (double)(data.Count - 1));
        double Y(double v) => top + plotH - Scale(v, max, plotH);
        var peak = data.MaxBy(d => d.Value);
        var svg = Open(id, title, LineHeight,
            $"从{data[0].Label}到{data[^1].Label}共 {data.Count} 个点，最高为{peak.Label}：{Number(peak.Value)}。完整数据见下表。");
        foreach (var tick in new[] { 0, max / 2, max })
        {
            svg.Append($"<line x1=\"{left}\" x2=\"{Width - right}\" y1=\"{F(Y(tick))}\" y2=\"{F(Y(tick))}\" stroke=\"#cbd2d9\" stroke-width=\"1\"/>");
            svg.Append($"<text x=\"{left - 4}\" y=\"{F(Y(tick) + 4)}\" text-anchor=\"end\" font-size=\"12\" fill=\"#1f2933\">{Number(tick)}</text>");
        }
        var step = Math.Max(1, (int)Math.Ceiling(data.Count / (double)MaxXLabels));
        for (var i = 0; i < data.Count; i++)
            if (i % step == 0 || i == data.Count - 1)
                svg.Append($"<text x=\"{F(X(i))}\" y=\"{LineHeight - 14}\" text-anchor=\"middle\" font-size=\"11\" fill=\"#1f2933\">{E(Clip(data[i].Label))}</text>");
        var points = string.Join(' ', data.Select((d, i) => $"{F(X(i))},{F(Y(d.Value))}"));
        svg.Append($"<polyline points=\"{points}\" fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"2\"/>");
        for (var i = 0; i < data.Count; i++)
            svg.Append($"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(data[i].Value))}\" r=\"3\" fill=\"#2b6cb0\"><title>{E(data[i].Label)}：{Number(data[i].Value)}</title></circle>");
        return svg.Append("</svg>").ToString();
    }

    /// <summary>
    /// A heat map of counts: one cell per row and column, darker for more, the number written in it. The side with
    /// more values runs down (a phone scrolls down, not across); past <see cref="Width"/> the SVG keeps its size
    /// (class <c>wide</c>) and its box scrolls sideways.
    /// </summary>
    public static string HeatMap(string id, string title, IReadOnlyList<string> rows, IReadOnlyList<string> columns, IReadOnlyList<IReadOnlyList<int>> counts)
    {
        if (rows.Count == 0 || columns.Count == 0)
            return Empty(id, title);
        var across = columns.Count <= rows.Count;
        var (down, side) = across ? (rows, columns) : (columns, rows);
        int At(int d, int s) => across ? counts[d][s] : counts[s][d];
        const int head = 30;
        var cell = Math.Max(HeatCell, (Width - LabelWidth) / side.Count);
        var width = Math.Max(Width, LabelWidth + side.Count * cell);
        var height = head + down.Count * RowHeight + 4;
        var max = counts.SelectMany(r => r).DefaultIfEmpty().Max();
        var (top, topDown, topSide) = (-1, 0, 0);
        for (var d = 0; d < down.Count; d++)
            for (var x = 0; x < side.Count; x++)
                if (At(d, x) > top)
                    (top, topDown, topSide) = (At(d, x), d, x);
        var svg = Open(id, title, height, $"{rows.Count} 行 × {columns.Count} 列，最多为{down[topDown]}·{side[topSide]}：{top}。完整数据见下表。",
            width > Width ? width : (int?)null);
        for (var x = 0; x < side.Count; x++)
            svg.Append($"<text x=\"{LabelWidth + x * cell + cell / 2}\" y=\"{head - 10}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1f2933\">{E(Clip(side[x], cell / 13))}</text>");
        for (var d = 0; d < down.Count; d++)
        {
            var y = head + d * RowHeight;
            svg.Append($"<text x=\"{LabelWidth - 6}\" y=\"{y + 17}\" text-anchor=\"end\" font-size=\"13\" fill=\"#1f2933\">{E(Clip(down[d]))}</text>");
            for (var x = 0; x < side.Count; x++)
            {
                var value = At(d, x);
                var share = max == 0 ? 0 : value / (double)max;
                svg.Append($"<g><title>{E(down[d])} · {E(side[x])}：{value}</title>");
                svg.Append($"<rect x=\"{LabelWidth + x * cell}\" y=\"{y}\" width=\"{cell - 2}\" height=\"{RowHeight - 2}\" fill=\"{Shade(share)}\"/>");
                svg.Append($"<text x=\"{LabelWidth + x * cell + (cell - 2) / 2}\" y=\"{y + 17}\" text-anchor=\"middle\" font-size=\"12\" fill=\"#1f2933\">{value}</text></g>");
            }
        }
        return svg.Append("</svg>").ToString();
    }

    /// <summary>From a pale blue (none) to a mid blue (the most): the dark numbers keep a 4.5:1 contrast on every cell.</summary>
    private static string Shade(double share)
    {
        byte Mix(byte from, byte to) => (byte)Math.Round(from + (to - from) * share);
        return $"#{Mix(0xee, 0x6f):x2}{Mix(0xf2, 0x98):x2}{Mix(0xf7, 0xc6):x2}";
    }

    /// <summary>The axis maximum: 1, 2 or 5 times a power of ten, at least the largest value (1 when all are zero).</summary>
    public static double NiceMax(double max)
    {
        if (max <= 0 || double.IsNaN(max))
            return 1;
        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        foreach (var m in new[] { 1, 2, 5, 10 })
            if (m * power >= max)
                return m * power;
        return 10 * power;
    }

    private static string Empty(string id, string title) =>
        Open(id, title, 60, NoData).Append($"<text x=\"{Width / 2}\" y=\"36\" text-anchor=\"middle\" font-size=\"14\" fill=\"#52606d\">{NoData}</text></svg>").ToString();

    private static StringBuilder Open(string id, string title, int height, string desc, int? wide = null) =>
        new StringBuilder()
            .Append(wide is { } w
                ? $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart wide\" role=\"img\" width=\"{w}\" height=\"{height}\" viewBox=\"0 0 {w} {height}\" "
                : $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 {Width} {height}\" ")
            .Append($"aria-labelledby=\"{E(id)}-title {E(id)}-desc\"><title id=\"{E(id)}-title\">{E(title)}</title><desc id=\"{E(id)}-desc\">{E(desc)}</desc>");

    private static double Scale(double value, double max, double length) => Math.Max(0, value) / max * length;

    private static string Clip(string label, int max = MaxLabelChars) =>
        label.Length <= max ? label : max <= 1 ? label[..1] : label[..(max - 1)] + "…";

    private static string E(string text) => Html.Encoder.Encode(text);

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Number(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
}
