using MiniExcelLibs;
using ResourceHub.Domain.Intake;

namespace ResourceHub.Application.Intake;

/// <summary>
/// The per-row report a vendor downloads: the manifest's own columns as they were sent, then 结果 and 错误,
/// so the failed rows can be fixed in the same sheet and imported again.
/// </summary>
public static class ImportReport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void Write(Stream output, ImportJob job, IReadOnlyList<ImportRow> rows)
    {
        var sheet = new List<Dictionary<string, object?>>();
        foreach (var row in rows)
        {
            var line = new Dictionary<string, object?> { ["行号"] = row.Line };
            foreach (var (header, value) in RowChecker.FromStored(row).Cells)
                line.TryAdd(header, value);
            line["结果"] = ImportRowState.NameOf(row.State);
            line["错误"] = row.State == ImportRowState.Failed ? row.Message : null;
            sheet.Add(line);
        }
        if (sheet.Count == 0)
            sheet.Add(new Dictionary<string, object?> { ["行号"] = null, ["结果"] = job.State == ImportState.Failed ? "失败" : "无数据", ["错误"] = job.Error });
        // Columns are the union in order of appearance: every row of one manifest has the same headers.
        var columns = sheet.SelectMany(r => r.Keys).Distinct().ToList();
        var table = sheet.Select(r => (IDictionary<string, object?>)columns.ToDictionary(c => c, c => r.GetValueOrDefault(c)));
        MiniExcel.SaveAs(output, table, excelType: ExcelType.XLSX);
    }
}
