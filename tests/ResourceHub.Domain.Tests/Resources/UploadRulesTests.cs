using ResourceHub.Domain.Resources.Checks;

namespace ResourceHub.Domain.Tests.Resources;

public sealed class UploadRulesTests
{
    [Fact]
    public void Every_rule_in_the_data_file_has_a_chinese_message_and_a_known_kind()
    {
        Assert.NotEmpty(UploadRules.All);
        Assert.All(UploadRules.All, r =>
        {
            Assert.Contains(r.Message, c => c >= '\u4e00' && c <= '\u9fff');
            if (r.Check == "contains")
            {
                Assert.Contains(r.Kind, ResourceHub.Domain.Packages.PackageKinds.All); // a package kind's rule
                Assert.All(r.Kinds!, k => Assert.NotNull(ResourceHub.Domain.Taxonomy.TaxonomyCatalog.Default.Kinds.NameOf(k)));
            }
            else
                Assert.NotNull(ResourceHub.Domain.Taxonomy.TaxonomyCatalog.Default.Kinds.NameOf(r.Kind));
        });
        Assert.Equal(UploadRules.All.Count, UploadRules.All.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void A_lesson_case_package_needs_a_lesson_design_and_a_reflection_and_blocks_submit_until_it_has_both()
    {
        var missing = Assert.Single(UploadRules.Evaluate(new UploadFacts("lesson-case", null, null, null, ["lesson-design", "courseware"])));
        Assert.Equal(CheckOutcome.Failed, missing.Outcome);
        Assert.True(missing.Blocks);
        Assert.Equal("课例资源包须包含教学设计和教学反思（缺少教学反思）", missing.Text);
        var none = Assert.Single(UploadRules.Evaluate(new UploadFacts("lesson-case", null, null, null, [])));
        Assert.Equal("缺少教学设计、教学反思", none.Found);
        var complete = Assert.Single(UploadRules.Evaluate(new UploadFacts("lesson-case", null, null, null, ["reflection", "lesson-design"])));
        Assert.Equal(CheckOutcome.Passed, complete.Outcome);
        Assert.Empty(UploadRules.Evaluate(new UploadFacts("general", null, null, null, [])));
    }

    [Fact]
    public void A_short_480p_micro_lesson_fails_both_video_rules_as_warnings()
    {
        var results = UploadRules.Evaluate(new UploadFacts("micro-lesson", "圆.mp4", 190, 480));

        Assert.All(results, r => Assert.Equal(CheckOutcome.Failed, r.Outcome));
        Assert.Contains(results, r => r.Text == "微课视频时长应为 5–20 分钟（当前时长 3 分 10 秒）");
        Assert.DoesNotContain(results, r => r.Blocks);
    }

    [Fact]
    public void A_ten_minute_720p_micro_lesson_passes_and_an_unprocessed_one_is_pending()
    {
        Assert.All(UploadRules.Evaluate(new UploadFacts("micro-lesson", "圆.mp4", 600, 720)), r => Assert.Equal(CheckOutcome.Passed, r.Outcome));
        Assert.All(UploadRules.Evaluate(new UploadFacts("micro-lesson", "圆.mp4", null, null)), r => Assert.Equal(CheckOutcome.Pending, r.Outcome));
        Assert.All(UploadRules.Evaluate(new UploadFacts("micro-lesson", null, null, null)), r => Assert.Equal("尚未上传文件", r.Found));
    }

    [Fact]
    public void Courseware_must_be_a_deck_or_a_pdf_and_that_blocks_submit()
    {
        var word = Assert.Single(UploadRules.Evaluate(new UploadFacts("courseware", "课件.DOCX", null, null)));
        Assert.True(word.Blocks);
        Assert.Equal("课件须为 PPTX、PPT 或 PDF 文件（当前文件为 .docx）", word.Text);
        Assert.Equal(CheckOutcome.Passed, Assert.Single(UploadRules.Evaluate(new UploadFacts("courseware", "课件.PPT", null, null))).Outcome);
        Assert.Empty(UploadRules.Evaluate(new UploadFacts("journal", "日志.txt", null, null)));
    }
}
