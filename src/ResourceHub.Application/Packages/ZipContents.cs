using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ResourceHub.Application.Packages.Zip;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Application.Packages;

/// <summary>One file going into a ZIP: its folder (e.g. "01 第一单元" or "小学/数学/微课") and the resource.</summary>
public sealed record ZipItem(string Folder, Resource Resource);

/// <summary>
/// Turns resources into ZIP entries: files under their folders with safe, unique Chinese names, then
/// 目录.html (table of contents), manifest.json and 清单.csv. Deterministic for the same rows, so the
/// archive's ETag and byte offsets stay the same between a download and its resumption.
/// </summary>
public sealed class ZipContents(TaxonomyCatalog taxonomy)
{
    public sealed record Line(string Path, Resource Resource);

    public IReadOnlyList<ZipEntrySource> Build(string title, string? description, IReadOnlyList<ZipItem> items,
        IReadOnlyDictionary<string, uint> crcs, DateTime modified)
    {
        var lines = Place(items);
        var entries = lines.Select(l => ZipEntrySource.FromBlob(l.Path, l.Resource.File!.Size, crcs[l.Resource.File.BlobKey],
            l.Resource.File.UploadedAt, l.Resource.File.BlobKey)).ToList();
        entries.Add(ZipEntrySource.FromBytes("目录.html", Encoding.UTF8.GetBytes(Contents(title, description, lines)), modified));
        entries.Add(ZipEntrySource.FromBytes("manifest.json", Manifest(title, lines), modified));
        entries.Add(ZipEntrySource.FromBytes("清单.csv", Csv(lines), modified));
        return entries;
    }

    /// <summary>A strong validator over everything that decides the archive's bytes.</summary>
    public static string ETagOf(IEnumerable<ZipEntrySource> entries)
    {
        var text = new StringBuilder();
        foreach (var e in entries)
            text.Append(e.Path).Append('|').Append(e.Length).Append('|').Append(e.Crc32).Append('|').Append(e.BlobKey)
                .Append('|').Append(e.Modified.Ticks).Append('\n');
        return $"\"zip-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32]}\"";
    }

    private static List<Line> Place(IReadOnlyList<ZipItem> items)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "目录.html", "manifest.json", "清单.csv" };
        var lines = new List<Line>();
        foreach (var group in items.GroupBy(i => i.Folder))
        {
            var n = 0;
            foreach (var item in group)
            {
                var file = item.Resource.File!;
                var extension = SafeName(Path.GetExtension(file.FileName));
                var stem = $"{++n:00} {SafeName(item.Resource.Title)}";
                var folder = string.Join('/', item.Folder.Split('/').Select(SafeName));
                var path = $"{folder}/{stem}{extension}";
                for (var copy = 2; !used.Add(path); copy++)
                    path = $"{folder}/{stem} ({copy}){extension}";
                lines.Add(new Line(path, item.Resource));
            }
        }
        return lines;
    }

    /// <summary>No path separators, characters Windows refuses, control or format characters; at most 80 characters.</summary>
    public static string SafeName(string text)
    {
        var clean = new string(text.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format
            || "/\\:*?\"<>|".Contains(c) ? '_' : c).ToArray()).Trim().TrimEnd('.');
        if (clean.Length > 80)
            clean = clean[..80];
        return clean.Length == 0 ? "_" : clean;
    }

    private string Contents(string title, string? description, List<Line> lines)
    {
        var html = new StringBuilder();
        string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>").Append(E(title))
            .Append("</title></head><body>\n<h1>").Append(E(title)).Append("</h1>\n");
        if (!string.IsNullOrWhiteSpace(description))
            html.Append("<p style=\"white-space:pre-wrap\">").Append(E(description)).Append("</p>\n");
        foreach (var folder in lines.GroupBy(l => l.Path[..l.Path.LastIndexOf('/')]))
        {
            html.Append("<h2>").Append(E(folder.Key)).Append("</h2>\n<ol>\n");
            foreach (var line in folder)
                html.Append("<li><a href=\"").Append(E(Uri.EscapeDataString(line.Path).Replace("%2F", "/")))
                    .Append("\">").Append(E(line.Resource.Title)).Append("</a>（").Append(E(taxonomy.Kinds.NameOf(line.Resource.Kind) ?? line.Resource.Kind))
                    .Append("，").Append(E(Size(line.Resource.File!.Size))).Append("）</li>\n");
            html.Append("</ol>\n");
        }
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private byte[] Manifest(string title, List<Line> lines) =>
        JsonSerializer.SerializeToUtf8Bytes(new
        {
            title,
            files = lines.Select(l => new
            {
                path = l.Path,
                title = l.Resource.Title,
                kind = l.Resource.Kind,
                subject = l.Resource.Subject,
                stage = l.Resource.Stage,
                level = l.Resource.RecommendationLevel,
                sha256 = l.Resource.File!.Sha256,
                size = l.Resource.File.Size,
                sourceId = l.Resource.Id,
                licence = (string?)null,
            }),
        }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>UTF-8 with a byte-order mark, so Excel on Windows reads the Chinese.</summary>
    private byte[] Csv(List<Line> lines)
    {
        var csv = new StringBuilder("\uFEFF文件,标题,类型,学科,学段,推荐级别,SHA-256,资源编号,许可\r\n");
        foreach (var l in lines)
        {
            var r = l.Resource;
            string[] cells =
            [
                l.Path, r.Title, taxonomy.Kinds.NameOf(r.Kind) ?? r.Kind, taxonomy.Subjects.NameOf(r.Subject) ?? r.Subject,
                taxonomy.Stages.NameOf(r.Stage) ?? r.Stage, taxonomy.Levels.NameOf(r.RecommendationLevel) ?? "", r.File!.Sha256,
                r.Id.ToString(), "",
            ];
            csv.Append(string.Join(',', cells.Select(CsvCell))).Append("\r\n");
        }
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>Quoted; a leading =, +, - or @ is defused so a spreadsheet never runs a title as a formula.</summary>
    private static string CsvCell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]))
            value = "'" + value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.0} GB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.0} MB",
        _ => $"{Math.Max(1, bytes / 1024)} KB",
    };
}
