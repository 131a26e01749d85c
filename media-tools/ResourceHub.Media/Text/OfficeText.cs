using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using W = DocumentFormat.OpenXml.Wordprocessing;
using S = DocumentFormat.OpenXml.Spreadsheet;

namespace ResourceHub.Media.Text;

/// <summary>
/// Text of Office Open XML files: slides and their notes (.pptx), paragraphs and tables (.docx),
/// shared strings (.xlsx). Read with the Open XML SDK, so no office suite is needed.
/// </summary>
public static class OfficeText
{
    public static bool Handles(string extension) => Kind(extension) is not null;

    /// <returns>The text, one paragraph a line; empty when the file is not a readable package of that kind
    /// (a renamed file has no text to find, and stays downloadable as it is).</returns>
    public static string Extract(string path, string extension, int maxBytes = ExtractedText.DefaultMaxBytes)
    {
        var text = new ExtractedText(maxBytes);
        try
        {
            Read(path, Kind(extension), text);
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException or InvalidOperationException or System.Xml.XmlException)
        {
            return "";
        }
        return text.ToString();
    }

    private static void Read(string path, string? kind, ExtractedText text)
    {
        switch (kind)
        {
            case "pptx":
                using (var deck = PresentationDocument.Open(path, false))
                    Slides(deck, text);
                break;
            case "docx":
                using (var doc = WordprocessingDocument.Open(path, false))
                    Paragraphs(doc.MainDocumentPart?.Document?.Body, text);
                break;
            case "xlsx":
                using (var book = SpreadsheetDocument.Open(path, false))
                    foreach (var item in book.WorkbookPart?.SharedStringTablePart?.SharedStringTable?.Elements<S.SharedStringItem>() ?? [])
                        if (!text.Add(item.InnerText))
                            break;
                break;
        }
    }

    private static string? Kind(string extension) => extension.TrimStart('.').ToLowerInvariant() switch
    {
        "pptx" or "pptm" or "ppsx" => "pptx",
        "docx" or "docm" => "docx",
        "xlsx" or "xlsm" => "xlsx",
        _ => null,
    };

    /// <summary>In slide order; each slide's shapes, then its speaker notes.</summary>
    private static void Slides(PresentationDocument deck, ExtractedText text)
    {
        var part = deck.PresentationPart;
        var ids = part?.Presentation?.SlideIdList?.Elements<DocumentFormat.OpenXml.Presentation.SlideId>() ?? [];
        foreach (var id in ids)
        {
            if (id.RelationshipId?.Value is not { } rel || part!.GetPartById(rel) is not SlidePart slide)
                continue;
            if (!DrawingParagraphs(slide.Slide, text) || !DrawingParagraphs(slide.NotesSlidePart?.NotesSlide, text))
                return;
        }
    }

    private static bool DrawingParagraphs(OpenXmlElement? root, ExtractedText text)
    {
        foreach (var p in root?.Descendants<A.Paragraph>() ?? [])
            if (!text.Add(string.Concat(p.Descendants<A.Text>().Select(t => t.Text))))
                return false;
        return true;
    }

    /// <summary>Body paragraphs, including those inside table cells, in document order.</summary>
    private static void Paragraphs(W.Body? body, ExtractedText text)
    {
        foreach (var p in body?.Descendants<W.Paragraph>() ?? [])
            if (!text.Add(string.Concat(p.Descendants<W.Text>().Select(t => t.Text))))
                return;
    }
}
