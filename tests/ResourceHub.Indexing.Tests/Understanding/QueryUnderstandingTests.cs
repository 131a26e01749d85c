using ResourceHub.Indexing.Understanding;

namespace ResourceHub.Indexing.Tests.Understanding;

public sealed class QueryUnderstandingTests
{
    private static readonly QueryUnderstanding U = QueryUnderstanding.Default;

    private static List<string> Texts(string query) => U.Understand(query).Concepts.Select(c => c.Text).ToList();

    [Fact]
    public void Traditional_and_full_width_text_is_folded()
    {
        Assert.Equal("课堂评价 python3", ChineseText.Default.Normalize("課堂評價 Ｐｙｔｈｏｎ３"));
        Assert.Equal(["课堂评价"], Texts("課堂評價"));
    }

    [Fact]
    public void Curriculum_terms_stay_whole_and_stop_phrases_go()
    {
        Assert.Equal(["平行四边形", "面积"], Texts("平行四边形的面积怎么求"));
        Assert.Equal(["二元一次方程组"], Texts("二元一次方程组"));
        Assert.Contains("作业", Texts("学生不交作业怎么办"));
        Assert.DoesNotContain("怎么办", Texts("学生不交作业怎么办"));
        Assert.Equal(["浮力", "课件"], Texts("找个讲浮力的课件"));
    }

    [Fact]
    public void Grade_words_become_boosts_and_facet_suggestions_not_required_concepts()
    {
        var q = U.Understand("初二语文古诗文微课");
        Assert.Contains(new FieldBoost("Grade", "g8"), q.Boosts);
        Assert.Contains(new FieldBoost("Stage", "junior"), q.Boosts);
        Assert.Contains(new FieldBoost("Subject", "chinese"), q.Boosts);
        Assert.Contains(new FieldBoost("Kind", "micro-lesson"), q.Boosts);
        Assert.Equal(["古诗文"], q.Counted.Select(c => c.Text));
        Assert.Contains("七年级", U.Understand("初一数学").Concepts[0].Terms);
        Assert.Contains(new FieldBoost("Stage", "preschool"), U.Understand("大班 绘本").Boosts);
    }

    [Fact]
    public void A_negated_verb_raises_the_score_but_is_not_counted()
    {
        var q = U.Understand("学生不交作业怎么办");
        Assert.Equal(["作业"], q.Counted.Select(c => c.Text));
        Assert.Contains(q.Optional, c => c.Text == "不交");
        Assert.Equal(["不等式"], U.Understand("不等式").Counted.Select(c => c.Text));
        Assert.Equal(["不听话"], U.Understand("不听话").Counted.Select(c => c.Text));
    }

    [Fact]
    public void Only_concept_words_count_when_there_is_no_topic()
    {
        var q = U.Understand("七年级 数学");
        Assert.Equal(2, q.Counted.Count);
        Assert.Equal(2, q.MinimumShouldMatch);
    }

    [Fact]
    public void Kind_words_and_synonyms_expand_both_ways_or_one_way()
    {
        Assert.Contains("课件", U.Understand("PPT").Concepts[0].Terms);
        Assert.Contains("课堂实录", U.Understand("公开课").Concepts[0].Terms);
        Assert.Contains("微视频", U.Understand("微课").Concepts[0].Terms);
        Assert.Contains("教学设计", U.Understand("教案").Concepts[0].Terms);
        Assert.Contains("家校合作", U.Understand("家校沟通").Concepts[0].Terms);
        Assert.DoesNotContain("双减", U.Understand("减负").Concepts[0].Terms);
    }

    [Fact]
    public void Minimum_should_match_is_all_of_two_and_three_quarters_of_more()
    {
        Assert.Equal(2, new StructuredQuery(Topics(2), [], []).MinimumShouldMatch);
        Assert.Equal(2, new StructuredQuery(Topics(3), [], []).MinimumShouldMatch);
        Assert.Equal(3, new StructuredQuery(Topics(4), [], []).MinimumShouldMatch);
        Assert.Equal(4, new StructuredQuery(Topics(6), [], []).MinimumShouldMatch);
    }

    private static List<Concept> Topics(int n) => Enumerable.Range(0, n).Select(i => new Concept("词" + i, ["词" + i], ConceptRole.Topic)).ToList();

    [Fact]
    public void Quotes_make_phrases_titles_stay_whole_and_minus_excludes()
    {
        var q = U.Understand("\"圆的面积\" 《故乡》教学设计 -课件");
        Assert.Equal(ConceptRole.Phrase, q.Concepts[0].Role);
        Assert.Equal("圆的面积", q.Concepts[0].Text);
        Assert.Contains(q.Concepts, c => c.Text == "故乡" && c.Role == ConceptRole.Topic);
        Assert.Contains(q.Concepts, c => c.Text == "教学设计" && c.Role == ConceptRole.Kind);
        Assert.Equal(["课件"], q.Excluded);
    }

    [Theory]
    [InlineData("Python3", "python3")]
    [InlineData("Unit 3", "unit")]
    [InlineData("2026", "2026")]
    [InlineData("😀 分数", "分数")]
    [InlineData("\"", null)]
    [InlineData("？！。", null)]
    public void Anything_typed_understands_without_error(string text, string? first)
    {
        var q = U.Understand(text);
        Assert.Equal(first, q.Concepts.FirstOrDefault()?.Text);
    }

    [Fact]
    public void Python3_also_finds_python_3()
    {
        Assert.Contains("python 3", U.Understand("Python3").Concepts[0].Terms);
    }

    [Theory]
    [InlineData("平行四变形的面积", "平行四边形的面积")]
    [InlineData("平行四变形 微课", "平行四边形 微课")]
    [InlineData("蒸藤作用", "蒸腾作用")]
    [InlineData("初二勾股定里", "初二勾股定理")]
    [InlineData("蒸腾做用", "蒸腾作用")]
    public void Typos_of_curriculum_terms_are_proposed_by_sound_or_one_character(string text, string corrected)
    {
        Assert.Equal(corrected, U.Corrected(text, U.Corrections(text)));
    }

    [Fact]
    public void Correct_terms_are_not_corrected()
    {
        Assert.Empty(U.Corrections("平行四边形的面积"));
        Assert.Empty(U.Corrections("初二语文古诗文微课"));
    }

    [Fact]
    public void Admins_extend_synonyms_with_a_file_read_again_when_it_changes()
    {
        var path = Path.Combine(Path.GetTempPath(), $"synonyms-{Guid.NewGuid():N}.txt");
        try
        {
            File.WriteAllText(path, "教案, 教学设计, 备课稿\n");
            var u = new QueryUnderstanding(path);
            Assert.Contains("备课稿", u.Understand("教案").Concepts[0].Terms);
            Assert.Contains("微视频", u.Understand("微课").Concepts[0].Terms); // shipped rules still apply
        }
        finally
        {
            File.Delete(path);
        }
    }
}
