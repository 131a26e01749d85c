using System.Text;
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

    /// <summary>A one-page PDF showing <paramref name="line"/> (ASCII) in Helvetica, with a correct cross-reference table.</summary>
    public static byte[] PdfWithText(string line)
    {
        var content = $"BT /F1 18 Tf 40 700 Td ({line}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {content.Length} >>\nstream\n{content}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets)
            pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

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
