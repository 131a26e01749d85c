using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResourceHub.Testing;

/// <summary>Small Office Open XML and OpenDocument files and PDFs made in memory, for text extraction and preview tests.</summary>
public static class OfficeFiles
{
    /// <summary>
    /// A deck with one slide per entry: its text box, then its speaker notes (when given). It carries the slide size, master,
    /// layout and theme that PowerPoint and LibreOffice need to open it, not only what the text extractor reads.
    /// </summary>
    public static byte[] Pptx(params (string Slide, string? Notes)[] slides)
    {
        using var stream = new MemoryStream();
        using (var deck = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var presentation = deck.AddPresentationPart();
            var master = presentation.AddNewPart<SlideMasterPart>("rIdMaster");
            var layout = master.AddNewPart<SlideLayoutPart>("rIdLayout");
            layout.SlideLayout = new P.SlideLayout(new P.CommonSlideData(EmptyTree())) { Type = P.SlideLayoutValues.Blank };
            layout.AddPart(master);
            var theme = master.AddNewPart<ThemePart>("rIdTheme");
            theme.Theme = Theme();
            master.SlideMaster = new P.SlideMaster(
                new P.CommonSlideData(EmptyTree()),
                new P.ColorMap
                {
                    Background1 = A.ColorSchemeIndexValues.Light1, Text1 = A.ColorSchemeIndexValues.Dark1,
                    Background2 = A.ColorSchemeIndexValues.Light2, Text2 = A.ColorSchemeIndexValues.Dark2,
                    Accent1 = A.ColorSchemeIndexValues.Accent1, Accent2 = A.ColorSchemeIndexValues.Accent2,
                    Accent3 = A.ColorSchemeIndexValues.Accent3, Accent4 = A.ColorSchemeIndexValues.Accent4,
                    Accent5 = A.ColorSchemeIndexValues.Accent5, Accent6 = A.ColorSchemeIndexValues.Accent6,
                    Hyperlink = A.ColorSchemeIndexValues.Hyperlink, FollowedHyperlink = A.ColorSchemeIndexValues.FollowedHyperlink,
                },
                new P.SlideLayoutIdList(new P.SlideLayoutId { Id = 2147483649U, RelationshipId = "rIdLayout" }));
            presentation.AddPart(theme, "rIdTheme");

            var ids = new P.SlideIdList();
            uint next = 256;
            foreach (var (text, notes) in slides)
            {
                var slide = presentation.AddNewPart<SlidePart>();
                slide.Slide = new P.Slide(new P.CommonSlideData(ShapeTree(text)));
                slide.AddPart(layout);
                if (notes is not null)
                    slide.AddNewPart<NotesSlidePart>().NotesSlide = new P.NotesSlide(new P.CommonSlideData(ShapeTree(notes)));
                ids.Append(new P.SlideId { Id = next++, RelationshipId = presentation.GetIdOfPart(slide) });
            }
            presentation.Presentation = new P.Presentation(
                new P.SlideMasterIdList(new P.SlideMasterId { Id = 2147483648U, RelationshipId = "rIdMaster" }),
                ids,
                new P.SlideSize { Cx = 9144000, Cy = 6858000 },
                new P.NotesSize { Cx = 6858000, Cy = 9144000 });
        }
        return stream.ToArray();
    }

    private static A.Theme Theme()
    {
        static OpenXmlElement[] Fonts() =>
            [new A.LatinFont { Typeface = "Arial" }, new A.EastAsianFont { Typeface = "" }, new A.ComplexScriptFont { Typeface = "" }];
        static A.SolidFill Fill() => new(new A.SchemeColor { Val = A.SchemeColorValues.PhColor });
        static A.Outline Line() => new(Fill()) { Width = 9525 };
        return new A.Theme(new A.ThemeElements(
            new A.ColorScheme(
                new A.Dark1Color(new A.SystemColor { Val = A.SystemColorValues.WindowText, LastColor = "000000" }),
                new A.Light1Color(new A.SystemColor { Val = A.SystemColorValues.Window, LastColor = "FFFFFF" }),
                new A.Dark2Color(new A.RgbColorModelHex { Val = "1F497D" }), new A.Light2Color(new A.RgbColorModelHex { Val = "EEECE1" }),
                new A.Accent1Color(new A.RgbColorModelHex { Val = "4F81BD" }), new A.Accent2Color(new A.RgbColorModelHex { Val = "C0504D" }),
                new A.Accent3Color(new A.RgbColorModelHex { Val = "9BBB59" }), new A.Accent4Color(new A.RgbColorModelHex { Val = "8064A2" }),
                new A.Accent5Color(new A.RgbColorModelHex { Val = "4BACC6" }), new A.Accent6Color(new A.RgbColorModelHex { Val = "F79646" }),
                new A.Hyperlink(new A.RgbColorModelHex { Val = "0000FF" }), new A.FollowedHyperlinkColor(new A.RgbColorModelHex { Val = "800080" }))
            { Name = "Office" },
            new A.FontScheme(new A.MajorFont(Fonts()), new A.MinorFont(Fonts())) { Name = "Office" },
            new A.FormatScheme(
                new A.FillStyleList(Fill(), Fill(), Fill()),
                new A.LineStyleList(Line(), Line(), Line()),
                new A.EffectStyleList(new A.EffectStyle(new A.EffectList()), new A.EffectStyle(new A.EffectList()), new A.EffectStyle(new A.EffectList())),
                new A.BackgroundFillStyleList(Fill(), Fill(), Fill()))
            { Name = "Office" }))
        { Name = "Office" };
    }

    private static P.ShapeTree EmptyTree() => new(
        new P.NonVisualGroupShapeProperties(
            new P.NonVisualDrawingProperties { Id = 1, Name = "" }, new P.NonVisualGroupShapeDrawingProperties(), new P.ApplicationNonVisualDrawingProperties()),
        new P.GroupShapeProperties());

    /// <summary>A document with the paragraphs, then a one-row table of the cells.</summary>
    public static byte[] Docx(IEnumerable<string> paragraphs, IEnumerable<string> cells)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var body = new W.Body(paragraphs.Select(Paragraph));
            body.Append(new W.Table(new W.TableRow(cells.Select(c => new W.TableCell(Paragraph(c))))));
            doc.AddMainDocumentPart().Document = new W.Document(body);
        }
        return stream.ToArray();
    }

    /// <summary>An OpenDocument text (.odt) with one page per entry (a page break before each but the first).</summary>
    public static byte[] Odt(params string[] pages)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            // The mimetype entry comes first and uncompressed: that is how readers recognise the package.
            Entry(zip, "mimetype", "application/vnd.oasis.opendocument.text", System.IO.Compression.CompressionLevel.NoCompression);
            Entry(zip, "META-INF/manifest.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
                 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                </manifest:manifest>
                """);
            var body = string.Concat(pages.Select((text, i) =>
                $"<text:p text:style-name=\"{(i == 0 ? "Standard" : "P1")}\">{System.Security.SecurityElement.Escape(text)}</text:p>"));
            Entry(zip, "content.xml", $"""
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
                 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2">
                 <office:automatic-styles>
                  <style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
                 </office:automatic-styles>
                 <office:body><office:text>{body}</office:text></office:body>
                </office:document-content>
                """);
        }
        return stream.ToArray();
    }

    private static void Entry(System.IO.Compression.ZipArchive zip, string name, string content,
        System.IO.Compression.CompressionLevel level = System.IO.Compression.CompressionLevel.Optimal)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, level).Open(), new System.Text.UTF8Encoding(false));
        writer.Write(content);
    }

    /// <summary>A one-page PDF showing <paramref name="line"/> (ASCII).</summary>
    public static byte[] PdfWithText(string line) => ResourceHub.Api.Demo.DemoFiles.OnePagePdf(line);

    private static P.ShapeTree ShapeTree(string text) => new(
        new P.NonVisualGroupShapeProperties(
            new P.NonVisualDrawingProperties { Id = 1, Name = "" }, new P.NonVisualGroupShapeDrawingProperties(), new P.ApplicationNonVisualDrawingProperties()),
        new P.GroupShapeProperties(),
        new P.Shape(
            new P.NonVisualShapeProperties(
                new P.NonVisualDrawingProperties { Id = 2, Name = "文本" }, new P.NonVisualShapeDrawingProperties(), new P.ApplicationNonVisualDrawingProperties()),
            new P.ShapeProperties(),
            new P.TextBody(new A.BodyProperties(), new A.Paragraph(new A.Run(new A.Text(text))))));

    private static W.Paragraph Paragraph(string text) => new(new W.Run(new W.Text(text)));
}
