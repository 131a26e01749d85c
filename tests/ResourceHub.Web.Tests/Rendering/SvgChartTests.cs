using System.Globalization;
using System.Xml.Linq;
using ResourceHub.Web.Rendering;

namespace ResourceHub.Web.Tests.Rendering;

/// <summary>The server-drawn charts: well-formed SVG with a title and description, labels escaped, bars and points to scale, an empty state.</summary>
public sealed class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static XElement Parse(string svg) => XElement.Parse(svg);

    private static double Num(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);

    [Fact]
    public void Labels_and_titles_are_escaped_and_named_for_screen_readers()
    {
        var svg = SvgChart.Bars("c1", "各学科<资源>", [("<script>alert(1)</script>", 3), ("A&B \"x\"", 1)]);
        Assert.DoesNotContain("<script>", svg);
        var root = Parse(svg);
        Assert.Equal("img", root.Attribute("role")!.Value);
        Assert.Equal("c1-title c1-desc", root.Attribute("aria-labelledby")!.Value);
        Assert.Equal("各学科<资源>", root.Element(Svg + "title")!.Value);
        Assert.Equal("c1-title", root.Element(Svg + "title")!.Attribute("id")!.Value);
        Assert.Contains("最多为<script>alert(1)</script>：3", root.Element(Svg + "desc")!.Value);
        var labels = root.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("<script…", labels);
        Assert.Contains("A&B \"x\"", labels);
        Assert.Contains("<script>alert(1)</script>：3", root.Descendants(Svg + "g").Select(g => g.Element(Svg + "title")!.Value));
    }

    [Fact]
    public void Bars_are_proportional_to_their_values_on_a_round_axis()
    {
        var root = Parse(SvgChart.Bars("c", "t", [("甲", 40), ("乙", 10), ("丙", 0)]));
        var widths = root.Descendants(Svg + "rect").Select(r => Num(r, "width")).ToList();
        Assert.Equal(3, widths.Count);
        Assert.Equal(4, widths[0] / widths[1], 2);
        Assert.Equal(0, widths[2]);
        // 40 on a 50 axis: four fifths of the plot width.
        Assert.Equal(SvgChart.Width - 112 - 48, widths[0] / 0.8, 0);
        Assert.Equal(50, SvgChart.NiceMax(40));
        Assert.Equal(1, SvgChart.NiceMax(0));
        Assert.Equal(200, SvgChart.NiceMax(101));
        Assert.Equal(0.5, SvgChart.NiceMax(0.42));
    }

    [Fact]
    public void A_line_puts_its_points_in_order_and_to_scale()
    {
        var root = Parse(SvgChart.Line("l", "每月上传", [("2026年1月", 0), ("2026年2月", 5), ("2026年3月", 10)]));
        var points = root.Descendants(Svg + "circle").Select(c => (X: Num(c, "cx"), Y: Num(c, "cy"))).ToList();
        Assert.Equal(3, points.Count);
        Assert.True(points[0].X < points[1].X && points[1].X < points[2].X);
        Assert.Equal(points[1].X - points[0].X, points[2].X - points[1].X, 1);
        Assert.Equal(points[0].Y - points[1].Y, points[1].Y - points[2].Y, 1); // 0, 5, 10 on a 10 axis: equal steps up
        Assert.Equal("2026年2月：5", root.Descendants(Svg + "circle").ElementAt(1).Element(Svg + "title")!.Value);
        Assert.Single(root.Descendants(Svg + "polyline"));
        Assert.Contains("从2026年1月到2026年3月", root.Element(Svg + "desc")!.Value);
    }

    [Fact]
    public void No_data_says_so_in_chinese()
    {
        foreach (var svg in new[] { SvgChart.Bars("e", "各学科资源数", []), SvgChart.Line("e", "每月上传", []) })
        {
            var root = Parse(svg);
            Assert.Equal("暂无数据", root.Element(Svg + "desc")!.Value);
            Assert.Equal(["暂无数据"], root.Descendants(Svg + "text").Select(t => t.Value));
            Assert.Empty(root.Descendants(Svg + "rect"));
        }
    }

    [Fact]
    public void A_heat_map_writes_every_count_darker_for_more_and_runs_the_longer_side_down()
    {
        // Two rows, three columns: the columns (the longer side) run down, so each rect row is one column.
        var root = Parse(SvgChart.HeatMap("h", "学科 × 学段", ["数学", "<语文>"], ["小学", "初中", "高中"], [[4, 0, 1], [2, 8, 0]]));
        var cells = root.Descendants(Svg + "g").Select(g => g.Element(Svg + "title")!.Value).ToList();
        Assert.Equal(["小学 · 数学：4", "小学 · <语文>：2", "初中 · 数学：0", "初中 · <语文>：8", "高中 · 数学：1", "高中 · <语文>：0"], cells);
        var fills = root.Descendants(Svg + "rect").Select(r => r.Attribute("fill")!.Value).ToList();
        Assert.Equal("#6f98c6", fills[3]); // the most
        Assert.Equal("#eef2f7", fills[2]); // none
        Assert.True(string.CompareOrdinal(fills[0], fills[1]) < 0); // 4 darker than 2
        Assert.Contains("2 行 × 3 列，最多为初中·<语文>：8", root.Element(Svg + "desc")!.Value);
        Assert.Equal("chart", root.Attribute("class")!.Value);

        // Many columns both ways: the SVG keeps its size and scrolls rather than shrinking its text.
        var labels = Enumerable.Range(1, 14).Select(i => "类型" + i).ToList();
        var wide = Parse(SvgChart.HeatMap("w", "t", labels, labels, labels.Select(_ => (IReadOnlyList<int>)labels.Select(_ => 1).ToList()).ToList()));
        Assert.Equal("chart wide", wide.Attribute("class")!.Value);
        Assert.True(Num(wide, "width") > SvgChart.Width);
        Assert.Equal(SvgChart.NoData, NoDataOf(SvgChart.HeatMap("e", "t", [], [], [])));
    }

    private static string NoDataOf(string svg) => Parse(svg).Element(Svg + "desc")!.Value;
}
