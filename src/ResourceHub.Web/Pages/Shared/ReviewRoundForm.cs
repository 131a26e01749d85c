using System.Globalization;
using ResourceHub.Application.Curation;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Web.Pages.Shared;

/// <summary>
/// The rubric side of a review page (a resource's or a package's): the expert's own review, the others' once decided,
/// and the form; <see cref="Entered"/> keeps what the expert typed when the server refuses it.
/// </summary>
public sealed record ReviewRoundForm(ReviewRound Round, IReadOnlyDictionary<string, string> Entered, string? Verdict, string? Comment)
{
    public string Shown(RubricCriterion c) => Entered.GetValueOrDefault(c.Name, "");

    /// <summary>criterion[i] names the criterion whose points are points[i]; the server recomputes the total.</summary>
    public static List<CriterionScore> Scores(string[] criterion, string[] points) =>
        criterion.Select((c, i) => new CriterionScore(c, ParsePoints(c, i < points.Length ? points[i] : null))).ToList();

    public static Dictionary<string, string> Typed(string[] criterion, string[] points) =>
        criterion.Select((c, i) => (c, i < points.Length ? points[i] : "")).DistinctBy(x => x.c).ToDictionary(x => x.c, x => x.Item2);

    private static double ParsePoints(string criterion, string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && double.IsFinite(p)
            ? p
            : throw CurationError.Invalid($"请为评分项“{criterion}”填写分数 (points are required for every criterion)", "scores");

    public static string VerdictName(string verdict) => verdict switch
    {
        Verdicts.Approve => "通过",
        Verdicts.Changes => "修改后再审",
        Verdicts.Reject => "不通过",
        _ => verdict,
    };
}
