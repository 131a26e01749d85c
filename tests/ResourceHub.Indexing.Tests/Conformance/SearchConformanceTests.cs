using Microsoft.EntityFrameworkCore;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Resources;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Pipeline;
using ResourceHub.Indexing.Tests.Support;
using ResourceHub.Indexing.Text;
using ResourceHub.Query.Model;

namespace ResourceHub.Indexing.Tests.Conformance;

/// <summary>
/// What every engine must do the same way. Runs on FTS5 always and on Elasticsearch when ES_URL is set.
/// </summary>
public abstract class SearchConformanceTests(SearchFixture f)
{
    private static readonly VisibilityScope Teacher = VisibilityScope.For(new Caller("tina", "Tina", Roles.Teacher, "school9", []));
    private static readonly VisibilityScope Admin = VisibilityScope.For(new Caller("root", "Root", Roles.Admin, "", []) { Region = AdminRegion.Platform });

    private static FieldRef Field(string name, FieldType type = FieldType.String) => new(name, type);
    private static CompareNode Eq(string field, object value) => new(Field(field), CompareOperator.Eq, value);

    private Task<SearchResult> Search(string? text, FilterNode? filter = null, VisibilityScope? scope = null, int top = 100,
        IReadOnlyList<OrderBy>? orderBy = null, FacetRequest? facets = null, bool count = false, KeysetPosition? after = null) =>
        f.Index.SearchAsync(new SearchRequest(
            new EntityQuery { Search = text, Filter = filter, Top = top, OrderBy = orderBy ?? [], Count = count, After = after },
            scope ?? Teacher, facets));

    private static List<string> Titles(SearchResult r) => r.Hits.Select(h => h.Document.Title).ToList();

    // ---- free text, understood (issue 13) ----

    [ConformanceFact]
    public async Task Title_marks_and_kind_words_are_free_text_the_kind_only_boosts()
    {
        var titles = Titles(await Search("《背影》教学设计"));
        Assert.Equal("《背影》阅读教学", titles[0]); // the lesson design first
        Assert.Contains("《背影》课堂实录", titles); // a boost, not a filter
    }

    [ConformanceFact]
    public async Task Question_words_are_dropped()
    {
        Assert.Equal(["勾股定理的证明"], Titles(await Search("有没有勾股定理的资料？")));
    }

    [ConformanceFact]
    public async Task Three_concepts_need_two_of_them()
    {
        Assert.Equal(["分数乘法", "分数除法"], Titles(await Search("分数 乘法 除法")).Order().ToList());
    }

    [ConformanceFact]
    public async Task Traditional_characters_find_simplified_text()
    {
        Assert.Equal(["勾股定理的证明"], Titles(await Search("勾股定理的證明")));
    }

    [ConformanceFact]
    public async Task A_misspelt_curriculum_term_is_corrected_and_said()
    {
        var result = await Search("勾股定里");
        Assert.Equal(["勾股定理的证明"], Titles(result));
        Assert.Equal("勾股定理", result.DidYouMean);
        Assert.Null((await Search("勾股定理")).DidYouMean);
    }

    [ConformanceFact]
    public async Task Kind_synonyms_match_and_suggest_the_kind_facet()
    {
        var result = await Search("牛顿第一定律 微视频");
        Assert.Equal("牛顿第一定律", Titles(result)[0]);
        Assert.Contains(new ResourceHub.Indexing.Understanding.FieldBoost("Kind", "micro-lesson"), result.SuggestedFacets!);
    }

    [ConformanceFact]
    public async Task Stage_words_boost_without_filtering()
    {
        var result = await Search("初中 分数");
        Assert.Contains("分数乘法", Titles(result)); // primary items still found
        Assert.Contains(new ResourceHub.Indexing.Understanding.FieldBoost("Stage", "junior"), result.SuggestedFacets!);
    }

    [ConformanceFact]
    public async Task Quotes_make_a_phrase_and_minus_excludes()
    {
        Assert.Equal(["分数加法与减法"], Titles(await Search("\"分数加法\"")));
        var titles = Titles(await Search("分数 -乘法 -除法"));
        Assert.Contains("分数加法与减法", titles);
        Assert.DoesNotContain("分数乘法", titles);
        Assert.DoesNotContain("分数除法", titles);
    }

    [ConformanceFact]
    public async Task Latin_words_with_digits_and_emoji_are_searchable_text()
    {
        Assert.Contains("Python 数据分析初步", Titles(await Search("Python3")));
        Assert.Equal("圆的面积", Titles(await Search("🙂圆的面积！！"))[0]);
    }

    // ---- Chinese and mixed text ----

    [ConformanceFact]
    public async Task One_character_query_matches_every_title_containing_it()
    {
        var titles = Titles(await Search("圆"));
        Assert.Equal(["圆", "圆柱与圆锥", "圆的面积"], titles.Order().ToList());
    }

    [ConformanceFact]
    public async Task Two_character_query_finds_all_visible_items_with_the_word()
    {
        var titles = Titles(await Search("分数"));
        foreach (var t in new[] { "分数的初步认识", "分数加法与减法", "异分母分数加减法教学设计", "分数乘法", "分数除法", "数学思想方法" })
            Assert.Contains(t, titles);
        Assert.DoesNotContain("草稿：分数复习", titles); // carol's draft
    }

    [ConformanceFact]
    public async Task Four_character_query_ranks_the_exact_title_first()
    {
        var titles = Titles(await Search("圆的面积"));
        Assert.Equal("圆的面积", titles[0]);
        Assert.DoesNotContain("圆柱与圆锥", titles);
    }

    [ConformanceFact]
    public async Task Four_character_query_matches_only_items_containing_all_its_bigrams()
    {
        Assert.Equal(["勾股定理的证明"], Titles(await Search("勾股定理")));
    }

    [ConformanceFact]
    public async Task Mixed_latin_and_chinese_in_one_word_match()
    {
        Assert.Equal("PPT课件制作技巧", Titles(await Search("PPT课件"))[0]);
    }

    [ConformanceFact]
    public async Task Latin_words_match_case_insensitively()
    {
        Assert.Equal(["Scratch 编程入门"], Titles(await Search("scratch")));
        Assert.Equal(["Scratch 编程入门"], Titles(await Search("SCRATCH")));
    }

    [ConformanceFact]
    public async Task Latin_and_chinese_words_together()
    {
        Assert.Equal(["Python 数据分析初步"], Titles(await Search("python 数据")));
    }

    [ConformanceFact]
    public async Task Full_width_latin_matches_ascii()
    {
        Assert.Contains("PPT课件制作技巧", Titles(await Search("ＰＰＴ")));
    }

    [ConformanceFact]
    public async Task All_words_must_match()
    {
        Assert.Equal(["分数加法与减法"], Titles(await Search("分数 加法")));
    }

    [ConformanceFact]
    public async Task Minus_excludes_a_word()
    {
        var titles = Titles(await Search("分数 -加法"));
        Assert.DoesNotContain("分数加法与减法", titles);
        Assert.Contains("分数乘法", titles);
    }

    [ConformanceFact]
    public async Task Description_text_is_searched()
    {
        Assert.Equal(["圆的面积"], Titles(await Search("割补法")));
    }

    [ConformanceFact]
    public async Task Markdown_is_indexed_as_plain_text()
    {
        var hit = Assert.Single((await Search("折纸")).Hits);
        Assert.Equal("分数的初步认识", hit.Document.Title);
        Assert.DoesNotContain("**", hit.Document.Description);
    }

    [ConformanceFact]
    public async Task Tags_are_searched()
    {
        Assert.Equal(["分数的初步认识"], Titles(await Search("三年级")));
    }

    [ConformanceFact]
    public async Task Chinese_names_of_codes_are_searched()
    {
        var titles = Titles(await Search("物理"));
        foreach (var t in new[] { "牛顿第一定律", "光的折射实验", "电路与欧姆定律" })
            Assert.Contains(t, titles);
    }

    [ConformanceFact]
    public async Task Topic_names_are_searched()
    {
        var titles = Titles(await Search("深度融合"));
        Assert.Contains("信息技术与数学深度融合案例", titles);
        Assert.Contains("信息技术与语文深度融合案例", titles);
    }

    [ConformanceFact]
    public async Task Query_without_matches_returns_nothing()
    {
        var result = await Search("量子力学", count: true);
        Assert.Empty(result.Hits);
        Assert.Equal(0, result.Total);
        Assert.Null(result.Next);
    }

    [ConformanceFact]
    public async Task Two_words_never_found_together_find_either_but_an_unknown_word_finds_nothing()
    {
        var titles = Titles(await Search("分数 气候"));
        Assert.Contains("分数除法", titles);
        Assert.Contains("世界地理气候类型", titles);
        Assert.Empty((await Search("量子 分数", count: true)).Hits);
    }

    [ConformanceFact]
    public async Task Title_match_outranks_description_match()
    {
        var titles = Titles(await Search("分数"));
        Assert.True(titles.IndexOf("分数加法与减法") < titles.IndexOf("数学思想方法"));
    }

    [ConformanceFact]
    public async Task Recommended_and_highly_rated_items_rank_higher()
    {
        var titles = Titles(await Search("分数"));
        Assert.True(titles.IndexOf("分数除法") < titles.IndexOf("分数乘法"), string.Join(",", titles));
        Assert.Equal("分数除法", titles[0]);
    }

    [ConformanceFact]
    public async Task Boost_does_not_bring_in_items_that_do_not_match()
    {
        Assert.DoesNotContain("信息技术与数学深度融合案例", Titles(await Search("分数")));
    }

    [ConformanceFact]
    public async Task Title_is_highlighted()
    {
        var hit = (await Search("圆的面积")).Hits[0];
        Assert.Contains("<em>", hit.Highlights["Title"]);
        Assert.Equal("圆的面积", hit.Highlights["Title"].Replace("<em>", "").Replace("</em>", ""));
    }

    [ConformanceFact]
    public async Task Description_is_highlighted()
    {
        var hit = Assert.Single((await Search("割补法")).Hits);
        Assert.Contains("<em>", hit.Highlights["Description"]);
        Assert.Contains("割", hit.Highlights["Description"]);
    }

    [ConformanceFact]
    public async Task A_match_only_inside_the_file_shows_a_snippet_of_that_text()
    {
        var hit = Assert.Single((await Search("银杏落叶")).Hits);
        Assert.Equal("圆柱与圆锥", hit.Document.Title);
        Assert.Equal([Highlighter.ContentField], hit.Highlights.Keys);
        var snippet = hit.Highlights[Highlighter.ContentField];
        Assert.Contains("<em>", snippet);
        Assert.Contains("&lt;b&gt;注意安全&lt;/b&gt;", snippet); // the file's text is escaped; the marks are the only markup
        var plain = snippet.Replace("<em>", "").Replace("</em>", "");
        Assert.Contains("银杏落叶", plain);
        Assert.DoesNotContain("三分之一", plain); // a fragment around the match, not the whole text
    }

    [ConformanceFact]
    public async Task A_title_match_shows_no_content_snippet()
    {
        var hit = (await Search("圆锥")).Hits.Single(h => h.Document.Title == "圆柱与圆锥");
        Assert.Contains("<em>", hit.Highlights["Title"]);
        Assert.False(hit.Highlights.ContainsKey(Highlighter.ContentField));
    }

    // ---- filters with search ----

    [ConformanceFact]
    public async Task Search_with_subject_filter()
    {
        var titles = Titles(await Search("实验", Eq("Subject", "physics")));
        Assert.Equal(["光的折射实验"], titles);
    }

    [ConformanceFact]
    public async Task Search_with_in_filter()
    {
        var result = await Search("教学", new InNode(Field("Stage"), ["junior", "senior"]));
        Assert.NotEmpty(result.Hits);
        Assert.All(result.Hits, h => Assert.Contains(h.Document.Stage, new[] { "junior", "senior" }));
    }

    [ConformanceFact]
    public async Task Search_with_collection_any_filter()
    {
        var filter = new CollectionNode(Field("Topics", FieldType.StringCollection), Quantifier.Any,
            new CompareNode(FieldRef.Element(), CompareOperator.Eq, "it-cases"));
        Assert.Equal(["信息技术与数学深度融合案例"], Titles(await Search("案例", filter)));
    }

    [ConformanceFact]
    public async Task Search_with_not_filter()
    {
        var titles = Titles(await Search("深度融合", new NotNode(Eq("Subject", "math"))));
        Assert.Equal(["信息技术与语文深度融合案例"], titles);
    }

    [ConformanceFact]
    public async Task Search_with_date_range_filter()
    {
        var cutoff = f.ByTitle("分数乘法").CreatedAt;
        var result = await Search("分数", new CompareNode(Field("CreatedAt", FieldType.DateTimeOffset), CompareOperator.Ge, new DateTimeOffset(cutoff)));
        Assert.Equal(["分数乘法", "分数除法", "数学思想方法"], Titles(result).Order().ToList());
    }

    [ConformanceFact]
    public async Task Search_with_title_contains_filter()
    {
        var filter = new TextMatchNode(Field("Title"), TextOperator.StartsWith, "分数");
        Assert.All((await Search("分数", filter)).Hits, h => Assert.StartsWith("分数", h.Document.Title));
    }

    [ConformanceFact]
    public async Task Filter_only_query_counts_like_the_database()
    {
        var result = await Search(null, Eq("Subject", "physics"), Admin, count: true);
        await using var db = f.Db.CreateContext();
        var expected = await db.Resources.CountAsync(r => r.Subject == "physics" && r.Status != ResourceStatus.Retired);
        Assert.Equal(expected, result.Total);
    }

    [ConformanceFact]
    public async Task Unknown_field_is_a_query_error()
    {
        await Assert.ThrowsAsync<SearchQueryException>(() => Search("分数", Eq("Nope", "x")));
    }

    [ConformanceFact]
    public async Task Explicit_order_by_title_replaces_relevance()
    {
        var titles = Titles(await Search("分数", orderBy: [new OrderBy("Title", false)]));
        Assert.Equal(titles.Order(StringComparer.Ordinal).ToList(), titles);
    }

    // ---- facets ----

    [ConformanceFact]
    public async Task Subject_facet_counts_match_the_database()
    {
        var result = await Search(null, Eq("Stage", "junior"), Teacher, top: 0, facets: new FacetRequest(["Subject"]));
        await using var db = f.Db.CreateContext();
        var expected = (await db.Resources.Where(Teacher.ToExpression()).Where(r => r.Stage == "junior").ToListAsync())
            .GroupBy(r => r.Subject).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.OrderBy(p => p.Key), result.Facets["Subject"].ToDictionary(b => b.Code, b => b.Count).OrderBy(p => p.Key));
    }

    [ConformanceFact]
    public async Task Topics_facet_counts_collection_values_like_the_database()
    {
        var result = await Search(null, null, Admin, top: 0, facets: new FacetRequest(["Topics"]));
        var expected = f.Resources.Where(r => r.Status != ResourceStatus.Retired).SelectMany(r => r.Topics)
            .GroupBy(t => t).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(expected.OrderBy(p => p.Key), result.Facets["Topics"].ToDictionary(b => b.Code, b => b.Count).OrderBy(p => p.Key));
    }

    [ConformanceFact]
    public async Task Facets_carry_chinese_names()
    {
        var result = await Search("分数", facets: new FacetRequest(["Subject", "Kind"]));
        var math = Assert.Single(result.Facets["Subject"]);
        Assert.Equal(("math", "数学"), (math.Code, math.Name));
        Assert.Contains(result.Facets["Kind"], b => b is { Code: "courseware", Name: "课件" });
    }

    [ConformanceFact]
    public async Task Facet_counts_add_up_to_the_total()
    {
        var result = await Search("教学", count: true, facets: new FacetRequest(["Subject"]));
        Assert.Equal(result.Total, result.Facets["Subject"].Sum(b => b.Count));
    }

    [ConformanceFact]
    public async Task Facets_asked_together_count_as_each_asked_alone()
    {
        var selected = new Dictionary<string, IReadOnlyList<string>> { ["Stage"] = ["primary", "junior"] };
        string[] fields = ["Subject", "Stage", "Topics", "Kind"];
        var together = await Search("教学", facets: new FacetRequest(fields, selected));
        foreach (var field in fields)
        {
            var alone = await Search("教学", facets: new FacetRequest([field], selected));
            Assert.Equal(alone.Facets[field], together.Facets[field]);
            Assert.NotEmpty(together.Facets[field]);
        }
    }

    [ConformanceFact]
    public async Task Multi_select_facets_keep_counts_of_other_values_of_the_selected_facet()
    {
        var selected = new Dictionary<string, IReadOnlyList<string>> { ["Subject"] = ["physics"] };
        var result = await Search("实验", count: true, facets: new FacetRequest(["Subject", "Kind"], selected));
        Assert.All(result.Hits, h => Assert.Equal("physics", h.Document.Subject));
        Assert.Equal(1, result.Total);
        Assert.Contains(result.Facets["Subject"], b => b.Code == "physics");
        Assert.Equal(["lesson-record"], result.Facets["Kind"].Select(b => b.Code));
    }

    [ConformanceFact]
    public async Task Count_matches_total()
    {
        var request = new SearchRequest(new EntityQuery { Search = "教学", Count = true }, Teacher);
        Assert.Equal((await f.Index.SearchAsync(request)).Total, await f.Index.CountAsync(request));
    }

    // ---- paging ----

    [ConformanceFact]
    public async Task Keyset_paging_runs_past_ten_thousand_results()
    {
        var seen = new HashSet<Guid>();
        KeysetPosition? after = null;
        var pages = 0;
        do
        {
            var page = await Search("练习", top: 1000, after: after);
            foreach (var hit in page.Hits)
                Assert.True(seen.Add(hit.Document.Id), "duplicate across pages");
            after = page.Next;
            pages++;
        } while (after is not null && pages < 20);
        Assert.Equal(Corpus.FillerCount, seen.Count);
    }

    [ConformanceFact]
    public async Task Keyset_pages_continue_the_relevance_order()
    {
        var whole = Titles(await Search("分数", top: 6));
        var first = await Search("分数", top: 3);
        var second = await Search("分数", top: 3, after: first.Next);
        Assert.Equal(whole, Titles(first).Concat(Titles(second)).ToList());
    }

    [ConformanceFact]
    public async Task Keyset_paging_over_a_date_sort()
    {
        var order = new List<OrderBy> { new("UpdatedAt", true) };
        var whole = (await Search(null, Eq("Subject", "math"), Admin, top: 10, orderBy: order)).Hits.Select(h => h.Document.Id).ToList();
        var first = await Search(null, Eq("Subject", "math"), Admin, top: 5, orderBy: order);
        var second = await Search(null, Eq("Subject", "math"), Admin, top: 5, orderBy: order, after: first.Next);
        Assert.Equal(whole, first.Hits.Concat(second.Hits).Select(h => h.Document.Id).ToList());
        Assert.True(whole.Select(id => f.Resources.Single(r => r.Id == id).UpdatedAt).SequenceEqual(
            whole.Select(id => f.Resources.Single(r => r.Id == id).UpdatedAt).OrderDescending()));
    }

    // ---- popularity: downloads and teachers' rating (issue 12) ----

    /// <summary>The corpus's 分数 items with downloads: 300, 120 (two, tied), 50, 5; the rest have none.</summary>
    [ConformanceFact]
    public async Task Sorting_by_downloads_puts_the_most_downloaded_first_and_breaks_ties_by_id()
    {
        var hits = (await Search("分数", orderBy: [new OrderBy("Downloads", true)])).Hits.Select(h => h.Document).ToList();
        Assert.Equal("分数加法与减法", hits[0].Title);
        Assert.Equal([300L, 120, 120, 50, 5], hits.Take(5).Select(d => d.Downloads));
        var tied = hits.Skip(1).Take(2).ToList();
        Assert.Equal(["分数乘法", "分数的初步认识"], tied.Select(d => d.Title).Order());
        Assert.True(string.CompareOrdinal(tied[0].Id.ToString("D"), tied[1].Id.ToString("D")) < 0, "ties go by id");
        Assert.All(hits.Skip(5), d => Assert.Equal(0, d.Downloads));
    }

    [ConformanceFact]
    public async Task Sorting_by_rating_puts_the_best_rated_first_and_unrated_last()
    {
        var hits = (await Search("分数", orderBy: [new OrderBy("Rating", true)])).Hits.Select(h => h.Document).ToList();
        Assert.Equal(["分数乘法"], hits.Take(1).Select(d => d.Title));
        Assert.Equal([5.0, 4.5, 4.5, 3.0], hits.Take(4).Select(d => d.Rating!.Value));
        Assert.Equal(2, hits[1].RatingCount);
        Assert.All(hits.Skip(4), d => Assert.Null(d.Rating));
        var ascending = (await Search("分数", orderBy: [new OrderBy("Rating", false)])).Hits.Select(h => h.Document).ToList();
        Assert.Null(ascending[0].Rating); // nulls are the smallest value, as for every nullable sort
        Assert.Equal("分数乘法", ascending[^1].Title);
    }

    [ConformanceFact]
    public async Task Keyset_pages_continue_a_downloads_and_a_rating_sort()
    {
        foreach (var field in new[] { "Downloads", "Rating" })
        {
            var order = new List<OrderBy> { new(field, true) };
            var whole = (await Search("分数", top: 8, orderBy: order)).Hits.Select(h => h.Document.Id).ToList();
            var paged = new List<Guid>();
            KeysetPosition? after = null;
            for (var page = 0; page < 4; page++)
            {
                var result = await Search("分数", top: 2, orderBy: order, after: after);
                paged.AddRange(result.Hits.Select(h => h.Document.Id));
                after = result.Next;
            }
            Assert.Equal(whole, paged);
        }
    }

    [ConformanceFact]
    public async Task Filters_on_downloads_and_rating()
    {
        var popular = await Search(null, new CompareNode(Field("Downloads", FieldType.Int64), CompareOperator.Ge, 100L), count: true,
            orderBy: [new OrderBy("Downloads", true)]);
        Assert.Equal(["分数加法与减法", "分数乘法", "分数的初步认识"], Titles(popular).Take(1).Concat(Titles(popular).Skip(1).Order()).ToList());
        Assert.Equal(3, popular.Total);
        var liked = await Search("分数", new CompareNode(Field("Rating", FieldType.Double), CompareOperator.Gt, 4.0));
        Assert.Equal(["分数乘法", "分数的初步认识", "异分母分数加减法教学设计"], Titles(liked).Order().ToList());
        var unrated = await Search("分数", new CompareNode(Field("Rating", FieldType.Double), CompareOperator.Eq, null));
        Assert.DoesNotContain(unrated.Hits, h => h.Document.Rating is not null);
        Assert.Contains("分数除法", Titles(unrated));
    }

    [ConformanceFact]
    public async Task Top_zero_returns_only_the_count()
    {
        var result = await Search("分数", top: 0, count: true);
        Assert.Empty(result.Hits);
        Assert.True(result.Total >= 6);
    }

    // ---- authorization ----

    [ConformanceFact]
    public async Task Anonymous_scope_sees_nothing()
    {
        Assert.Empty((await Search("分数", scope: VisibilityScope.For(null))).Hits);
    }

    [ConformanceFact]
    public async Task Teacher_sees_only_public_items()
    {
        var result = await Search(null, Eq("Subject", "math"), Teacher, top: 100);
        Assert.All(result.Hits, h => Assert.Contains(h.Document.Status, ResourceStatus.PublicStates));
        Assert.DoesNotContain("一元二次方程的解法", Titles(result));
    }

    [ConformanceFact]
    public async Task Vendor_sees_own_organisations_unpublished_items()
    {
        var acme = VisibilityScope.For(new Caller("alice", "Alice", Roles.Vendor, "acme", []));
        Assert.Equal(["一元二次方程的解法"], Titles(await Search("方程", scope: acme)));
        Assert.Equal(["化学反应速率"], Titles(await Search("化学", scope: acme)));
        var lumen = VisibilityScope.For(new Caller("bob", "Bob", Roles.Vendor, "lumen", []));
        Assert.Empty(Titles(await Search("方程", scope: lumen)));
    }

    [ConformanceFact]
    public async Task Teacher_sees_own_draft()
    {
        var carol = VisibilityScope.For(new Caller("carol", "Carol", Roles.Teacher, "school1", []));
        Assert.Contains("草稿：分数复习", Titles(await Search("分数", scope: carol)));
    }

    [ConformanceFact]
    public async Task Expert_sees_items_under_review_in_own_subjects_only()
    {
        var expert = VisibilityScope.For(new Caller("erin", "Erin", Roles.Expert, "", ["physics"]));
        Assert.Contains("评审中：物理实验", Titles(await Search("实验", scope: expert)));
        Assert.Empty(Titles(await Search("单调性", scope: expert)));
    }

    [ConformanceFact]
    public async Task Facet_counts_respect_visibility()
    {
        var teacher = await Search("分数", facets: new FacetRequest(["Status"]));
        Assert.All(teacher.Facets["Status"], b => Assert.Contains(b.Code, ResourceStatus.PublicStates));
        var admin = await Search("分数", scope: Admin, facets: new FacetRequest(["Status"]));
        Assert.Contains(admin.Facets["Status"], b => b.Code == ResourceStatus.Draft);
    }

    // ---- lifecycle ----

    [ConformanceFact]
    public async Task Retired_items_are_not_searchable_even_for_admins()
    {
        Assert.Empty(await Search("近代史", scope: Admin).ContinueWith(t => t.Result.Hits));
    }

    [ConformanceFact]
    public async Task Deleted_and_retired_items_disappear_after_sync()
    {
        await using var db = f.Db.CreateContext();
        var a = TestResources.New("临时资源甲乙丙");
        var b = TestResources.New("临时资源丁戊己");
        db.Resources.AddRange(a, b);
        await db.SaveChangesAsync();
        await SyncAsync(db, a.Id, b.Id);
        Assert.Equal(2, (await Search("临时资源")).Hits.Count);

        db.Resources.Remove(a);
        b.Status = ResourceStatus.Retired;
        await db.SaveChangesAsync();
        await SyncAsync(db, a.Id, b.Id);
        Assert.Empty((await Search("临时资源", scope: Admin)).Hits);
    }

    [ConformanceFact]
    public async Task Updated_title_replaces_the_old_one_and_replays_are_idempotent()
    {
        await using var db = f.Db.CreateContext();
        var r = TestResources.New("旧标题星期一");
        db.Resources.Add(r);
        await db.SaveChangesAsync();
        await SyncAsync(db, r.Id);
        r.Title = "新标题星期二";
        await db.SaveChangesAsync();
        await SyncAsync(db, r.Id, r.Id);
        await SyncAsync(db, r.Id);
        Assert.Empty((await Search("星期一")).Hits);
        Assert.Single((await Search("星期二")).Hits);
        db.Resources.Remove(r);
        await db.SaveChangesAsync();
        await SyncAsync(db, r.Id);
    }

    // ---- suggest ----

    [ConformanceFact]
    public async Task Suggest_puts_titles_starting_with_the_prefix_first()
    {
        var titles = (await f.Index.SuggestAsync(new SuggestRequest("分数", Teacher, 10))).Select(s => s.Title).ToList();
        Assert.Contains("分数乘法", titles);
        Assert.Contains("异分母分数加减法教学设计", titles);
        Assert.True(titles.IndexOf("分数乘法") < titles.IndexOf("异分母分数加减法教学设计"));
        Assert.DoesNotContain("草稿：分数复习", titles);
    }

    [ConformanceFact]
    public async Task Suggest_with_one_chinese_character()
    {
        var titles = (await f.Index.SuggestAsync(new SuggestRequest("圆", Teacher))).Select(s => s.Title).ToList();
        Assert.Equal("圆", titles[0]);
        Assert.Contains("圆的面积", titles);
    }

    [ConformanceFact]
    public async Task Suggest_completes_a_partial_latin_word()
    {
        var titles = (await f.Index.SuggestAsync(new SuggestRequest("pyth", Teacher))).Select(s => s.Title).ToList();
        Assert.Equal(["Python 数据分析初步"], titles);
    }

    [ConformanceFact]
    public async Task Suggest_respects_visibility()
    {
        Assert.Empty(await f.Index.SuggestAsync(new SuggestRequest("一元", Teacher)));
        var acme = VisibilityScope.For(new Caller("alice", "Alice", Roles.Vendor, "acme", []));
        Assert.Single(await f.Index.SuggestAsync(new SuggestRequest("一元", acme)));
    }

    // ---- rebuild ----

    [ConformanceFact]
    public async Task Rebuild_from_the_database_swaps_in_a_clean_index()
    {
        var stale = f.Builder.Build(TestResources.New("幽灵文档不在数据库"));
        Assert.True((await f.Index.UpsertAsync([stale])).AllSucceeded);
        Assert.Single((await Search("幽灵文档")).Hits);
        var before = await f.Index.CountAsync(new SearchRequest(new EntityQuery(), Admin));

        await using var db = f.Db.CreateContext();
        var rebuilt = await new IndexRebuilder(db, f.Sync(db), f.Index).RebuildAsync(null, CancellationToken.None);

        // Every row of the database, including ones other tests added (a retired one is counted, not indexed).
        Assert.Equal(await db.Resources.CountAsync(), rebuilt);
        Assert.Empty((await Search("幽灵文档", scope: Admin)).Hits);
        Assert.Equal(before - 1, await f.Index.CountAsync(new SearchRequest(new EntityQuery(), Admin)));
        Assert.Equal("分数的初步认识", Titles(await Search("折纸"))[0]);
        Assert.True((await f.Index.UpsertAsync(f.Curated)).AllSucceeded); // restore what the database cannot hold yet
    }

    // ---- $apply over the matches, grouped by the engine (issue 16) ----

    private Task<ApplyResult?> Groups(string text, ApplyQuery apply, VisibilityScope? scope = null, FilterNode? filter = null,
        FacetRequest? facets = null) =>
        f.Index.AggregateAsync(new AggregateRequest(new SearchRequest(new EntityQuery { Search = text, Filter = filter }, scope ?? Teacher, facets), apply, 1000));

    /// <summary>Every hit of a search, page by page: what the groups must be computed from.</summary>
    private async Task<List<SearchDocument>> Matches(string text, VisibilityScope scope)
    {
        var all = new List<SearchDocument>();
        KeysetPosition? after = null;
        do
        {
            var page = await Search(text, scope: scope, top: 1000, after: after);
            all.AddRange(page.Hits.Select(h => h.Document));
            after = page.Hits.Count == 0 ? null : page.Next;
        }
        while (after is not null);
        return all;
    }

    private static AggregateItem Agg(AggregateMethod method, string? field, string alias) => new(method, field, alias);

    [ConformanceFact]
    public async Task Apply_groups_more_than_ten_thousand_matches_without_a_cap()
    {
        var byStage = await Groups("练习题", new ApplyQuery { GroupBy = ["Stage"], Aggregates = [Agg(AggregateMethod.Count, null, "N")] });
        var expected = new List<string>();
        foreach (var stage in new[] { "junior", "primary", "senior" })
            expected.Add($"{stage} | {await f.Index.CountAsync(new SearchRequest(new EntityQuery { Search = "练习题", Filter = Eq("Stage", stage) }, Teacher))}");
        Assert.Equal(expected, ApplyOracle.Text(byStage!));
        var total = (long)Assert.Single((await Groups("练习题", new ApplyQuery { Aggregates = [Agg(AggregateMethod.Count, null, "N")] }))!.Rows)[0]!;
        Assert.True(total > 10_000, $"{total} matches");
        Assert.Equal(await f.Index.CountAsync(new SearchRequest(new EntityQuery { Search = "练习题" }, Teacher)), total);
    }

    [ConformanceFact]
    public async Task Apply_groups_equal_the_LINQ_grouping_of_the_search_hits()
    {
        var hits = await Matches("分数", Admin);
        Assert.True(hits.Count >= 5, $"{hits.Count} hits");
        ApplyQuery[] shapes =
        [
            new()
            {
                GroupBy = ["Subject", "Status"],
                Aggregates =
                [
                    Agg(AggregateMethod.Count, null, "N"), Agg(AggregateMethod.CountDistinct, "Kind", "Kinds"),
                    Agg(AggregateMethod.Sum, "QualityScore", "Q"), Agg(AggregateMethod.Average, "QualityScore", "QA"),
                    Agg(AggregateMethod.Min, "QualityScore", "QMin"), Agg(AggregateMethod.Max, "QualityScore", "QMax"),
                    Agg(AggregateMethod.Min, "CreatedAt", "First"), Agg(AggregateMethod.Max, "UpdatedAt", "Last"),
                ],
            },
            new() { GroupBy = ["RecommendationLevel"], Aggregates = [Agg(AggregateMethod.Count, null, "N")], OrderBy = [new OrderBy("N", true)] },
            new() { GroupBy = ["RecommendationLevel", "Kind"], OrderBy = [new OrderBy("RecommendationLevel", true)], Top = 3, Skip = 1 },
            new() { Aggregates = [Agg(AggregateMethod.Count, null, "N"), Agg(AggregateMethod.CountDistinct, "Subject", "S"), Agg(AggregateMethod.Average, "QualityScore", "Q")] },
            new() { GroupBy = ["Stage"], Aggregates = [Agg(AggregateMethod.Max, "QualityScore", "Best")], OrderBy = [new OrderBy("Best", true)], Top = 2 },
        ];
        foreach (var apply in shapes)
            Assert.Equal(ApplyOracle.Text(ApplyOracle.Run(hits, apply)), ApplyOracle.Text((await Groups("分数", apply, Admin))!));

        var published = new ApplyQuery { Filter = Eq("Status", ResourceStatus.Published), GroupBy = ["Subject"], Aggregates = [Agg(AggregateMethod.Count, null, "N")] };
        Assert.Equal(ApplyOracle.Text(ApplyOracle.Run(hits.Where(h => h.Status == ResourceStatus.Published), published)),
            ApplyOracle.Text((await Groups("分数", published, Admin))!));
    }

    [ConformanceFact]
    public async Task Apply_null_is_a_group_that_sorts_lowest_and_the_scope_and_selections_apply()
    {
        var levels = new ApplyQuery { GroupBy = ["RecommendationLevel"], Aggregates = [Agg(AggregateMethod.Count, null, "N")] };
        var up = ApplyOracle.Text((await Groups("分数", levels, Admin))!);
        Assert.StartsWith("null | ", up[0]);
        var down = ApplyOracle.Text((await Groups("分数", levels with { OrderBy = [new OrderBy("RecommendationLevel", true)] }, Admin))!);
        Assert.StartsWith("null | ", down[^1]);

        // The teacher does not see the draft 草稿：分数复习; a ticked facet value narrows the matches.
        var byStatus = new ApplyQuery { GroupBy = ["Status"], Aggregates = [Agg(AggregateMethod.Count, null, "N")] };
        Assert.DoesNotContain(ApplyOracle.Text((await Groups("分数", byStatus))!), r => r.StartsWith("draft", StringComparison.Ordinal));
        Assert.Contains(ApplyOracle.Text((await Groups("分数", byStatus, Admin))!), r => r.StartsWith("draft", StringComparison.Ordinal));
        var junior = new FacetRequest([], new Dictionary<string, IReadOnlyList<string>> { ["Stage"] = ["junior"] });
        var stages = await Groups("练习题", new ApplyQuery { GroupBy = ["Stage"], Aggregates = [Agg(AggregateMethod.Count, null, "N")] }, facets: junior);
        Assert.Equal("junior", Assert.Single(stages!.Rows)[0]);
    }

    [ConformanceFact]
    public async Task Apply_top_and_skip_cut_the_groups_and_more_groups_are_said()
    {
        var stages = new ApplyQuery { GroupBy = ["Stage"], Aggregates = [Agg(AggregateMethod.Count, null, "N")], OrderBy = [new OrderBy("Stage", true)] };
        Assert.Equal(["senior", "primary"], (await Groups("练习题", stages with { Top = 2 }))!.Rows.Select(r => (string)r[0]!).ToList());
        Assert.Equal(["primary"], (await Groups("练习题", stages with { Top = 1, Skip = 1 }))!.Rows.Select(r => (string)r[0]!).ToList());
        var limited = await f.Index.AggregateAsync(new AggregateRequest(new SearchRequest(new EntityQuery { Search = "练习题" }, Teacher), stages, 2));
        Assert.Equal(2, limited!.Rows.Count);
        Assert.True(limited.More);
    }

    [ConformanceFact]
    public async Task Apply_shapes_over_fields_the_index_does_not_hold_are_declined()
    {
        Assert.Null(await Groups("分数", new ApplyQuery { GroupBy = ["Size"], Aggregates = [Agg(AggregateMethod.Count, null, "N")] }));
        Assert.Null(await Groups("分数", new ApplyQuery { Aggregates = [Agg(AggregateMethod.Sum, "DurationSeconds", "D")] }));
        Assert.Null(await Groups("分数", new ApplyQuery { Filter = Eq("Workshop", "x"), Aggregates = [Agg(AggregateMethod.Count, null, "N")] }));
    }

    private async Task SyncAsync(ResourceHub.Data.ResourceHubDbContext db, params Guid[] ids) =>
        Assert.True((await f.Sync(db).SyncAsync(f.Index, ids, CancellationToken.None)).AllSucceeded);
}
