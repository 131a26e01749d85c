using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application.Contests;
using ResourceHub.Application.Curation;
using ResourceHub.Domain.Curation;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages.Contests;

/// <summary>A region admin creates a contest: rules, what is accepted, the rubric, phase dates (China time), weights and awards.</summary>
public sealed class NewModel(ContestOrganising organising, RubricAdmin rubrics) : WorkPage
{
    private static readonly TimeSpan ChinaOffset = Domain.Contests.VoteDay.ChinaOffset;

    [BindProperty] public ContestForm Form { get; set; } = ContestForm.Starting(DateTime.UtcNow + ChinaOffset);
    public IReadOnlyList<Rubric> Rubrics { get; private set; } = [];

    public sealed class ContestForm
    {
        public string? Title { get; set; }
        public string? Rules { get; set; }
        public List<string> Kinds { get; set; } = [];
        public List<string> Subjects { get; set; } = [];
        public List<string> Stages { get; set; } = [];
        public string? TrainingProject { get; set; }
        public Guid? RubricId { get; set; }
        /// <summary>Start days of 征集, 初审, 评审与投票, 公示, 结果 (China time, from midnight).</summary>
        public DateOnly?[] Dates { get; set; } = new DateOnly?[5];
        public int ExpertWeight { get; set; } = 70;
        public int FirstPrizes { get; set; } = 1;
        public int SecondPrizes { get; set; } = 2;
        public int ThirdPrizes { get; set; } = 3;
        public int ExcellencePrizes { get; set; }
        public int VotesPerDay { get; set; } = 1;

        /// <summary>Today and then a week per phase, as a starting point.</summary>
        public static ContestForm Starting(DateTime chinaNow)
        {
            var today = DateOnly.FromDateTime(chinaNow);
            return new ContestForm { Dates = [.. Enumerable.Range(0, 5).Select(i => (DateOnly?)today.AddDays(7 * i))] };
        }

        public ContestDraft ToDraft() => new(Title, Rules, Kinds, Subjects, Stages, TrainingProject, RubricId,
            Utc(0), Utc(1), Utc(2), Utc(3), Utc(4), ExpertWeight, FirstPrizes, SecondPrizes, ThirdPrizes, ExcellencePrizes, VotesPerDay);

        private DateTime? Utc(int i) => i < Dates.Length && Dates[i] is { } d
            ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), ChinaOffset).UtcDateTime
            : null;
    }

    public static readonly string[] PhaseLabels = ["作品征集开始", "资格初审开始", "专家评审与公众投票开始", "结果公示开始", "结果发布"];

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    /// <summary>On success to the new contest's page; a refusal is shown here with what was entered.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Guid? created = null;
        var result = await SubmitAsync("/contests", async caller =>
        {
            created = (await organising.CreateAsync(caller, Form.ToDraft(), ct)).Id;
            return Created;
        }, ct);
        return created is { } id ? Redirect($"/contests/{id}?done=" + Uri.EscapeDataString(Created)) : result;
    }

    private const string Created = "评选活动已创建。";

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        await organising.AuthorizeCreateAsync(caller, ct);
        Rubrics = await rubrics.ListAsync(ct);
        ViewData["Title"] = "新建评选活动";
    }
}
