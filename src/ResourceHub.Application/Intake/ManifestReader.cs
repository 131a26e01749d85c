using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace ResourceHub.Application.Intake;

/// <summary>One manifest row as read: its line (the header is line 1) and its cells under their headers.</summary>
public sealed record ManifestRow(int Line, IReadOnlyList<KeyValuePair<string, string>> Cells, IReadOnlyDictionary<string, string> Fields)
{
    public string Get(string field) => Fields.GetValueOrDefault(field, "").Trim();
}

/// <summary>
/// Reads a manifest (CSV with CsvHelper, XLSX with MiniExcel). A CSV may be UTF-8 (with or without BOM) or
/// GBK/GB18030, which is what Excel on a Chinese Windows saves. Headers are checked before any row is used:
/// an unknown or missing column refuses the whole manifest, since every row would be read wrong.
/// </summary>
public static class ManifestReader
{
    /// <summary>A manifest is metadata only; a larger one is not a manifest.</summary>
    public const long MaxBytes = 32L * 1024 * 1024;
    public const int MaxRows = 50_000;

    public static bool IsManifestName(string path) =>
        path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    public static IReadOnlyList<ManifestRow> Read(Stream content, string fileName)
    {
        var bytes = ReadBounded(content);
        var table = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(bytes) : ReadCsv(bytes);
        if (table.Count == 0)
            throw ImportRefusal($"清单“{fileName}”是空的 (the manifest is empty)");
        var headers = table[0].Select(h => h.Trim()).ToList();
        var fields = CheckHeaders(headers);
        var rows = new List<ManifestRow>();
        for (var i = 1; i < table.Count; i++)
        {
            var record = table[i];
            if (record.All(string.IsNullOrWhiteSpace))
                continue;
            if (rows.Count == MaxRows)
                throw ImportRefusal($"清单超过 {MaxRows} 行，请分批导入 (more than {MaxRows} rows)");
            var cells = new List<KeyValuePair<string, string>>();
            var byField = new Dictionary<string, string>();
            for (var c = 0; c < headers.Count; c++)
            {
                var value = c < record.Count ? record[c] : "";
                cells.Add(new(headers[c], value));
                if (fields[c] is { } field)
                    byField[field] = value;
            }
            rows.Add(new ManifestRow(i + 1, cells, byField));
        }
        return rows;
    }

    private static List<string?> CheckHeaders(List<string> headers)
    {
        var fields = headers.Select(h => string.IsNullOrEmpty(h) ? null : ManifestColumns.FieldOf(h)).ToList();
        var unknown = headers.Where((h, i) => h.Length > 0 && fields[i] is null).ToList();
        if (unknown.Count > 0)
            throw ImportRefusal($"清单的列“{string.Join("”“", unknown)}”无法识别，可用列名：{string.Join("、", ManifestColumns.All.Select(c => c.Names[0]))} (unknown manifest columns)");
        var repeated = fields.Where(f => f is not null).GroupBy(f => f).Where(g => g.Count() > 1).Select(g => ManifestColumns.ChineseName(g.Key!)).ToList();
        if (repeated.Count > 0)
            throw ImportRefusal($"清单的列“{string.Join("”“", repeated)}”出现了不止一次 (a column appears twice)");
        var missing = ManifestColumns.Required.Where(r => !fields.Contains(r)).Select(ManifestColumns.ChineseName).ToList();
        if (missing.Count > 0)
            throw ImportRefusal($"清单缺少必需的列：{string.Join("、", missing)} (required columns are missing)");
        return fields;
    }

    private static byte[] ReadBounded(Stream content)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > MaxBytes)
                throw ImportRefusal($"清单文件超过 {MaxBytes / (1024 * 1024)} MB (the manifest is too large)");
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static List<List<string>> ReadCsv(byte[] bytes)
    {
        var options = CsvReaderOptions.Default with
        {
            HasHeader = false,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
        };
        using var reader = CsvReader.FromText(TextEncodings.Decode(bytes), options);
        var table = new List<List<string>>();
        while (reader.Read())
        {
            var record = new List<string>(reader.FieldCount);
            for (var i = 0; i < reader.FieldCount; i++)
                record.Add(reader.GetString(i));
            table.Add(record);
        }
        return table;
    }

    private static List<List<string>> ReadXlsx(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .Select(row => row.Values.Select(CellText).ToList())
                .ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or System.Xml.XmlException)
        {
            throw ImportRefusal($"清单不是有效的 Excel（.xlsx）文件 (the manifest is not a readable XLSX file: {e.Message})");
        }
    }

    private static string CellText(object? value) => value switch
    {
        null => "",
        double d => d.ToString(CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static AppError ImportRefusal(string message) => AppError.BadRequest(message, "manifest");
}

/// <summary>Text from Chinese vendors' tools: UTF-8 when it decodes as such, else GB18030 (a superset of GBK).</summary>
public static class TextEncodings
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Gb18030 { get; } = InitGb18030();

    private static Encoding InitGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(54936);
    }

    public static bool IsUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    public static string Decode(byte[] bytes)
    {
        if (bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        return IsUtf8(bytes) ? Encoding.UTF8.GetString(bytes) : Gb18030.GetString(bytes);
    }
}
