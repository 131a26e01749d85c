using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;
using static ResourceHub.Domain.Tests.Curation.Fixtures;
using S = ResourceHub.Domain.Resources.ResourceStatus;

namespace ResourceHub.Domain.Tests.Curation;

public sealed class CurationWorkflowTests
{
    private static readonly Actor Uploader = As("alice", Roles.Vendor, Vendor);
    private static readonly Actor Eve = As("eve", Roles.Expert, OtherCounty, "math");
    private static readonly Actor Ed = As("ed", Roles.Expert, City, "math");
    private static readonly Actor Emma = As("emma", Roles.Expert, Province, "math");

    private static CurationWorkflow Flow(Actor actor) => new(actor, Now);

    private static (CurationItem Item, Rubric Rubric) Submitted(Resource? resource = null, Rubric? rubric = null)
    {
        rubric ??= Rubric();
        var item = Track(resource ?? Item());
        Flow(Uploader).Submit(item, rubric);
        return (item, rubric);
    }

    private static List<Review> Reviews(CurationItem item) => item.Added.OfType<Review>().ToList();

    private static Review ReviewBy(Actor expert, CurationItem item, Rubric rubric, double total, string verdict = Verdicts.Approve) =>
        Flow(expert).Review(item, rubric, Reviews(item), Scores(total), verdict, "意见");

    [Fact]
    public void Submit_opens_round_one_under_the_rubric_and_records_it()
    {
        var (item, rubric) = Submitted();
        Assert.Equal(S.Submitted, item.Resource.Status);
        Assert.Equal((1, rubric.Id, 2), (item.Case!.Round, item.Case.RubricId, item.Case.ReviewsNeeded));
        var e = Assert.Single(item.Added.OfType<CurationEvent>());
        Assert.Equal(("submit", S.Draft, S.Submitted, "alice"), (e.Action, e.FromStatus, e.ToStatus, e.ActorId));
    }

    [Fact]
    public void Teacher_contributions_need_their_training_project()
    {
        var resource = Item();
        resource.CreatedBy = "tom";
        var teacher = As("tom", Roles.Teacher, School);
        var e = Assert.Throws<CurationError>(() => Flow(teacher).Submit(Track(resource), Rubric()));
        Assert.Equal("TrainingProject", e.Target);
        resource.TrainingProject = "2026 国培计划 · 小学数学工作坊";
        Flow(teacher).Submit(Track(resource), Rubric());
        Assert.Equal(S.Submitted, resource.Status);
    }

    [Fact]
    public void Two_agreeing_reviews_publish_with_the_expert_mean_in_the_quality_score()
    {
        var (item, rubric) = Submitted();
        ReviewBy(Eve, item, rubric, 80);
        Assert.Equal(S.InReview, item.Resource.Status);
        ReviewBy(Ed, item, rubric, 90);
        Assert.Equal(S.Published, item.Resource.Status);
        Assert.Equal(0.85, item.Stats!.ExpertMean!.Value, 6);
        Assert.Equal(85, item.Resource.QualityScore);
        Assert.Equal(["submit", "start-review", "review", "review", "publish"],
            item.Added.OfType<CurationEvent>().Select(e => e.Action));
    }

    [Fact]
    public void Divergent_scores_call_a_third_expert_who_decides()
    {
        var (item, rubric) = Submitted();
        ReviewBy(Eve, item, rubric, 95);
        ReviewBy(Ed, item, rubric, 55, Verdicts.Changes);
        Assert.Equal((S.InReview, 3), (item.Resource.Status, item.Case!.ReviewsNeeded));
        ReviewBy(Emma, item, rubric, 85);
        Assert.Equal(S.Published, item.Resource.Status);
    }

    [Fact]
    public void An_expert_reviews_a_round_once_and_a_full_round_takes_no_more()
    {
        var (item, rubric) = Submitted();
        ReviewBy(Eve, item, rubric, 80);
        Assert.Equal(CurationErrorKind.Conflict, Assert.Throws<CurationError>(() => ReviewBy(Eve, item, rubric, 80)).Kind);
        ReviewBy(Ed, item, rubric, 40, Verdicts.Reject);
        ReviewBy(Emma, item, rubric, 30, Verdicts.Reject);
        Assert.Equal(S.Rejected, item.Resource.Status);
        var late = As("eli", Roles.Expert, Province, "math");
        Assert.Equal(CurationErrorKind.Conflict, Assert.Throws<CurationError>(() => ReviewBy(late, item, rubric, 90)).Kind);
    }

    [Fact]
    public void Changes_requested_then_resubmitted_opens_round_two()
    {
        var (item, rubric) = Submitted();
        ReviewBy(Eve, item, rubric, 50, Verdicts.Changes);
        ReviewBy(Ed, item, rubric, 55, Verdicts.Changes);
        Assert.Equal(S.ChangesRequested, item.Resource.Status);
        Flow(Uploader).Submit(item, rubric);
        Assert.Equal((S.Submitted, 2), (item.Resource.Status, item.Case!.Round));
    }

    [Fact]
    public void A_revision_of_a_live_item_is_reviewed_while_the_live_fields_stay()
    {
        var live = Item(S.Published);
        var item = Track(live);
        var edited = ResourceRevision.Preview(live, null);
        edited.Title = "圆的面积（修订版）";
        Assert.True(Flow(Uploader).Revise(item, edited));
        Assert.Equal(("圆的面积", S.Draft), (live.Title, item.Revision!.Status));
        var rubric = Rubric();
        Flow(Uploader).Submit(item, rubric);
        Assert.Equal((S.Published, S.Submitted), (live.Status, item.Revision.Status));
        ReviewBy(Eve, item, rubric, 80);
        ReviewBy(Ed, item, rubric, 80);
        Assert.Equal(("圆的面积（修订版）", S.Published), (live.Title, live.Status));
        Assert.Null(item.Revision);
        Assert.NotNull(item.RemovedRevision);
        Assert.All(item.Added.OfType<CurationEvent>(), e => Assert.True(e.OnRevision));
    }

    [Fact]
    public void An_edit_that_changes_nothing_opens_no_revision()
    {
        var live = Item(S.Published);
        var item = Track(live);
        Assert.False(Flow(Uploader).Revise(item, ResourceRevision.Preview(live, null)));
        Assert.Null(item.Revision);
    }

    [Fact]
    public void Recommendation_climbs_one_level_per_step_and_uses_the_quota()
    {
        var item = Track(Item(S.Published));
        var county = As("cathy", Roles.Admin, Fixtures.County);
        Assert.Equal(CurationErrorKind.Conflict,
            Assert.Throws<CurationError>(() => Flow(county).Recommend(item, "county", null, null)).Kind);
        var quota = new RecommendationQuota { Level = "county", Subject = "math", Year = 2026, MaxCount = 1 };
        item.Resource.RecommendationLevel = "school"; // granted earlier by a school
        Flow(county).Recommend(item, "county", "区级优课", quota);
        Assert.Equal((S.Recommended, "county", 1), (item.Resource.Status, item.Resource.RecommendationLevel, quota.Used));
        var e = item.Added.OfType<CurationEvent>().Last();
        Assert.Equal(("recommend", "county", "区级优课"), (e.Action, e.Level, e.Reason));
        Assert.NotNull(item.Resource.QualityScore);
    }

    [Fact]
    public void A_full_quota_refuses_and_leaves_the_item_unchanged()
    {
        var item = Track(Item(S.Published, "school"));
        var quota = new RecommendationQuota { Level = "county", Subject = "math", Year = 2026, MaxCount = 1, Used = 1 };
        var e = Assert.Throws<CurationError>(() => new CurationWorkflow(As("cathy", Roles.Admin, County), Now)
            .Recommend(item, "county", null, quota));
        Assert.Contains("名额已用完", e.Message);
        Assert.Equal((S.Published, "school"), (item.Resource.Status, item.Resource.RecommendationLevel));
    }

    [Fact]
    public void Nomination_names_the_next_level_and_needs_a_reason()
    {
        var item = Track(Item(S.Published));
        var host = As("hana", Roles.WorkshopHost, School);
        Assert.Equal("reason", Assert.Throws<CurationError>(() => Flow(host).Nominate(item, "school", " ")).Target);
        Assert.Throws<CurationError>(() => Flow(host).Nominate(item, "county", "优秀"));
        var n = Flow(host).Nominate(item, "school", "坊内研讨公认的优秀课例");
        Assert.Equal(("school", "hana"), (n.Level, n.NominatedBy));
        Assert.Equal(S.Published, item.Resource.Status);
    }

    [Fact]
    public void Retire_hides_a_live_item_and_drops_its_pending_revision()
    {
        var live = Item(S.Recommended, "county");
        var item = Track(live, new ResourceRevision { ResourceId = live.Id, Status = S.Submitted });
        var admin = As("cathy", Roles.Admin, County);
        Assert.Throws<CurationError>(() => Flow(admin).Retire(item, ""));
        Flow(admin).Retire(item, "内容陈旧，已被新版课程替代");
        Assert.Equal(S.Retired, live.Status);
        Assert.DoesNotContain(live.Status, ResourceStatus.PublicStates);
        Assert.Null(item.Revision);
    }

    [Fact]
    public void A_teacher_rates_once_and_may_change_the_stars()
    {
        var item = Track(Item(S.Published));
        var tom = As("tom", Roles.Teacher, School);
        var first = Flow(tom).Rate(item, null, 4)!;
        Assert.Null(Flow(tom).Rate(item, first, 2));
        Assert.Equal((1, 2), (item.Stats!.RatingCount, item.Stats.RatingSum));
        // Both ratings are appended with their stars, for ratings over time.
        Assert.Equal([4, 2], item.Added.OfType<UsageEvent>().Where(e => e.Kind == UsageEvent.Rating).Select(e => e.Stars ?? 0));
        Assert.Throws<CurationError>(() => Flow(tom).Rate(item, first, 6));
        Assert.Throws<CurationError>(() => Flow(tom).Rate(Track(Item(S.Draft)), null, 3));
    }
}
