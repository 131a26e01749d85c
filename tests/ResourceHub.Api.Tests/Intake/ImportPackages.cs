using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Intake;

/// <summary>Builds import packages for the tests: a manifest (CSV or XLSX) and small PDF files in a ZIP.</summary>
public static class ImportPackages
{
    public static readonly string[] ChineseHeaders = ["外部编号", "标题", "类型", "学科", "学段", "年级", "主题", "标签", "简介", "培训项目", "工作坊", "文件名"];

    /// <summary>A valid row: taxonomy by Chinese name for even numbers, by code for odd ones.</summary>
    public static string[] Row(int n, string? title = null, string? subject = null) =>
    [
        $"V-{n:D4}", title ?? $"圆的面积 第{n}课", n % 2 == 0 ? "微课" : "micro-lesson", subject ?? (n % 2 == 0 ? "数学" : "math"),
        n % 2 == 0 ? "小学" : "primary", "六年级", n % 2 == 0 ? "信息技术与学科教学的深度融合研究类" : "it-integration；ethics",
        "圆；面积", "用割补法推导圆的面积。", "2026 国培计划", "数学名师工作坊", $"课件/第{n}课 圆的面积.pdf",
    ];

    public static byte[] File(int n) => TestFiles.Pdf(2_000 + n, seed: n);

    public static string Csv(IEnumerable<string[]> rows, string[]? headers = null)
    {
        var text = new StringBuilder();
        foreach (var record in rows.Prepend(headers ?? ChineseHeaders))
            text.Append(string.Join(',', record.Select(Quote))).Append("\r\n");
        return text.ToString();
    }

    public static byte[] Xlsx(IEnumerable<string[]> rows, string[]? headers = null)
    {
        var names = headers ?? ChineseHeaders;
        var sheet = rows.Select(r => (IDictionary<string, object?>)names.Select((h, i) => (h, (object?)r[i])).ToDictionary(x => x.h, x => x.Item2)).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheet, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A ZIP with the manifest and the files of <paramref name="rows"/> (name → bytes); GBK names without the UTF-8 flag on request.</summary>
    public static byte[] Zip(string manifestName, byte[] manifest, IEnumerable<(string Name, byte[] Bytes)> files, bool gbkNames = false)
    {
        using var stream = new MemoryStream();
        using (var zip = gbkNames
                   ? new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Gbk())
                   : new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, manifestName, manifest);
            foreach (var (name, bytes) in files)
                Add(zip, name, bytes);
        }
        return stream.ToArray();
    }

    /// <summary>The usual package: a CSV manifest of <paramref name="rows"/> and each row's PDF.</summary>
    public static byte[] CsvZip(IReadOnlyList<string[]> rows, bool gbkNames = false) =>
        Zip("manifest.csv", Encoding.UTF8.GetBytes(Csv(rows)), FilesOf(rows), gbkNames);

    public static IEnumerable<(string, byte[])> FilesOf(IEnumerable<string[]> rows) =>
        rows.Select(r => (r[11], File(int.Parse(r[0][2..]))));

    public static Encoding Gbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936);
    }

    private static void Add(ZipArchive zip, string name, byte[] bytes)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(bytes);
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}
