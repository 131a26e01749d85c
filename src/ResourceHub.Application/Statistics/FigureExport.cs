using System.Globalization;
using MiniExcelLibs;

namespace ResourceHub.Application.Statistics;

/// <summary>A figure's table as a file: CSV (UTF-8 with a BOM, so Excel reads the Chinese right) or XLSX.</summary>
public static class FigureExport
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static (byte[] Bytes, string ContentType, string FileName) Write(FigureTable table, string format)
    {
        var name = $"统计-{table.Title}";
        return format switch
        {
            Csv => (CsvBytes(table), CsvContentType, name + ".csv"),
            Xlsx => (XlsxBytes(table), XlsxContentType, name + ".xlsx"),
            _ => throw AppError.BadRequest($"导出格式 '{format}' 不支持 (format must be csv or xlsx)", "format"),
        };
    }

    private static byte[] CsvBytes(FigureTable table)
    {
        using var buffer = new MemoryStream();
        // Labels are people's text (organisation names, titles): a leading = or + must not become an Excel formula.
        var options = CsvHelper.CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvHelper.CsvInjection.Escape };
        using (var csv = CsvHelper.CsvWriter.Create(buffer, options, leaveOpen: true))
        {
            csv.WriteRecord(table.Columns.ToArray());
            foreach (var row in table.Rows)
            {
                csv.WriteField(row.Label);
                foreach (var value in row.Values)
                    csv.WriteField(value, "0.##");
                csv.EndRecord();
            }
        }
        return buffer.ToArray();
    }

    private static byte[] XlsxBytes(FigureTable table)
    {
        var rows = table.Rows.Select(row =>
        {
            var line = new Dictionary<string, object?> { [table.Columns[0]] = row.Label };
            for (var i = 0; i < row.Values.Count && i + 1 < table.Columns.Count; i++)
                line[table.Columns[i + 1]] = row.Values[i];
            return (IDictionary<string, object?>)line;
        }).ToList();
        if (rows.Count == 0)
            rows.Add(table.Columns.ToDictionary(c => c, c => (object?)null));
        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, rows, excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }
}
