using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using ResourceHub.Application;
using ResourceHub.Application.Curation;
using ResourceHub.Domain.Curation;
using ResourceHub.Web.Hosting;

namespace ResourceHub.Web.Pages.Admin;

/// <summary>Create or change a rubric of the admin's region: its rules and its criteria (blank rows are ignored).</summary>
public sealed class RubricModel(RubricAdmin rubrics) : WorkPage
{
    public const int BlankRows = 3;

    [FromRoute] public Guid? Id { get; set; }
    [BindProperty] public RubricForm Form { get; set; } = new();

    public sealed class RubricForm
    {
        public string? Name { get; set; }
        public List<string> Kinds { get; set; } = [];
        public int RequiredReviews { get; set; } = Rubric.DefaultRequiredReviews;
        public string? PassMean { get; set; }
        public string? DivergenceGap { get; set; }
        public bool BlindReview { get; set; }
        public List<CriterionRow> Criteria { get; set; } = [];
    }

    public sealed class CriterionRow
    {
        public string? Name { get; set; }
        public string? MaxPoints { get; set; }
        public string? Description { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var caller = await CallerAsync(ct);
        if (Id is { } id)
        {
            var r = await rubrics.FindAsync(id, ct);
            if (!await rubrics.CanEditAsync(caller, r, ct))
                throw AppError.Forbidden("只能修改您管辖区域的量规，系统默认量规不可修改 (only your region's rubrics can change)");
            Form = new RubricForm
            {
                Name = r.Name, Kinds = r.Kinds, RequiredReviews = r.RequiredReviews, PassMean = Number(r.PassMean),
                DivergenceGap = Number(r.DivergenceGap), BlindReview = r.BlindReview,
                Criteria = r.Criteria.OrderBy(c => c.Position)
                    .Select(c => new CriterionRow { Name = c.Name, MaxPoints = Number(c.MaxPoints), Description = c.Description }).ToList(),
            };
        }
        else if (!caller.IsAdmin)
            throw AppError.Forbidden("只有管理员可以管理量规 (only admins manage rubrics)");
        Prepare();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SubmitAsync("/admin/rubrics", async caller =>
    {
        var input = new RubricInput(Form.Name ?? "", Form.Kinds, Form.RequiredReviews, Parse(Form.PassMean, "通过分"),
            Parse(Form.DivergenceGap, "分差阈值"), Form.BlindReview,
            Form.Criteria.Where(c => !string.IsNullOrWhiteSpace(c.Name) || !string.IsNullOrWhiteSpace(c.MaxPoints))
                .Select(c => new CriterionInput(c.Name, Parse(c.MaxPoints, $"评分项“{c.Name}”的满分"), c.Description)).ToList());
        var rubric = Id is { } id ? await rubrics.UpdateAsync(caller, id, input, null, ct) : await rubrics.CreateAsync(caller, input, ct);
        return $"已保存量规“{rubric.Name}”。";
    }, ct);

    protected override Task LoadAsync(CancellationToken ct)
    {
        Prepare();
        return Task.CompletedTask;
    }

    private void Prepare()
    {
        for (var i = 0; i < BlankRows; i++)
            Form.Criteria.Add(new CriterionRow());
        ViewData["Title"] = Id is null ? "新建量规" : "修改量规";
    }

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static double Parse(string? text, string what) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw CurationError.Invalid($"{what}须为数字 ({what} must be a number)", what);
}
