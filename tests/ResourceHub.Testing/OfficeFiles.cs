using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using A = DocumentFormat.OpenXml.Drawing;
using P = DocumentFormat.OpenXml.Presentation;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace ResourceHub.Testing;

/// <summary>Small Office Open XML files and PDFs made in memory, for text extraction tests.</summary>
public static class OfficeFiles
{
    /// <summary>A deck with one slide per entry: its text box, then its speaker notes (when given).</summary>
    public static byte[] Pptx(params (string Slide, string? Notes)[] slides)
    {
        using var stream = new MemoryStream();
        using (var deck = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var presentation = deck.AddPresentationPart();
            var ids = new P.SlideIdList();
            uint next = 256;
            foreach (var (text, notes) in slides)
            {
                var slide = presentation.AddNewPart<SlidePart>();
                slide.Slide = new P.Slide(new P.CommonSlideData(ShapeTree(text)));
                if (notes is not null)
                    slide.AddNewPart<NotesSlidePart>().NotesSlide = new P.NotesSlide(new P.CommonSlideData(ShapeTree(notes)));
                ids.Append(new P.SlideId { Id = next++, RelationshipId = presentation.GetIdOfPart(slide) });
            }
            presentation.Presentation = new P.Presentation(ids);
        }
        return stream.ToArray();
    }

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
