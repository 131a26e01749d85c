using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Text;

namespace ResourceHub.Indexing.Tests.Text;

public sealed class CjkTokenizerTests
{
    [Fact]
    public void Chinese_runs_become_bigrams_for_queries() =>
        Assert.Equal(["圆的", "的面", "面积"], CjkTokenizer.ForQuery("圆的面积"));

    [Fact]
    public void A_lone_character_stays_a_unigram() => Assert.Equal(["圆"], CjkTokenizer.ForQuery("圆"));

    [Fact]
    public void Index_tokens_add_unigrams() =>
        Assert.Equal(["分数", "分", "数"], CjkTokenizer.ForIndex("分数"));

    [Fact]
    public void Latin_is_lower_cased_and_split_from_chinese() =>
        Assert.Equal(["ppt", "课件"], CjkTokenizer.ForQuery("PPT课件"));

    [Fact]
    public void Punctuation_separates_and_full_width_folds() =>
        Assert.Equal(["背影", "abc", "12"], CjkTokenizer.ForQuery("《背影》ＡＢＣ，１２"));

    [Fact]
    public void Highlighter_marks_matches_on_the_original_text() =>
        Assert.Equal("<em>圆的面积</em>公式", Highlighter.Highlight("圆的面积公式", CjkTokenizer.ForQuery("圆的面积")));

    [Fact]
    public void Highlighter_keeps_latin_matches_to_whole_words() =>
        Assert.Equal("<em>PPT</em> and PPTX", Highlighter.Highlight("PPT and PPTX", ["ppt"]));

    [Fact]
    public void Highlighter_escapes_the_text_and_adds_only_its_marks() =>
        Assert.Equal("&lt;img src=x onerror=alert(1)&gt; <em>分数</em> &amp; &quot;&#39;",
            Highlighter.Highlight("<img src=x onerror=alert(1)> 分数 & \"'", CjkTokenizer.ForQuery("分数")));

    [Fact]
    public void Engine_fragments_with_placeholder_marks_become_escaped_html() =>
        Assert.Equal("&lt;img src=x onerror=alert(1)&gt; <em>分数</em>&lt;/em&gt;",
            Highlighter.FromEngineFragment("<img src=x onerror=alert(1)> " + Highlighter.EnginePre + "分数" + Highlighter.EnginePost + "</em>"));

    [Fact]
    public void Markdown_becomes_plain_text() =>
        Assert.Equal("用 割补法 推导，见 链接。", SearchDocumentBuilder.PlainText("用 **割补法** 推导，见 [链接](http://x)。"));

    [Fact]
    public void Ranking_boost_is_the_documented_formula()
    {
        var boost = new RankingBoost(0.1, 0.05);
        Assert.Equal(1.0, boost.Factor(null, null), 6);
        Assert.Equal(1 + 0.1 * 5 + 0.05 * 5, boost.Factor("national", 5), 6);
        Assert.Equal(1 + 0.1 * 1, boost.Factor("school", null), 6);
    }
}
