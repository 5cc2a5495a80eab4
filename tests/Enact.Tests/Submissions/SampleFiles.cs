using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using ClosedXML.Excel;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Enact.Tests.Submissions;

/// <summary>Small real files, made the way the applications make them, for the upload and inspector tests.</summary>
public static class SampleFiles
{
    public static byte[] Pdf() => Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
        + "trailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>A 1×1 transparent PNG.</summary>
    public static byte[] Png() => Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xD9];

    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    public static byte[] WebP() => [.. "RIFF"u8, 0x1A, 0, 0, 0, .. "WEBPVP8L"u8, 0x0D, 0, 0, 0, 0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0x00];

    public static byte[] Docx(string text = "دراسة حالة")
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text(text)))));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    public static byte[] Xlsx()
    {
        using var workbook = new XLWorkbook();
        workbook.AddWorksheet("Data").Cell(1, 1).Value = "النتائج";
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    public static byte[] Pptx()
    {
        using var stream = new MemoryStream();
        using (var document = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            var part = document.AddPresentationPart();
            part.Presentation = new DocumentFormat.OpenXml.Presentation.Presentation();
            part.Presentation.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A macro-enabled Word document: a docx whose content types say so and which carries a VBA project.</summary>
    public static byte[] Docm()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.MacroEnabledDocument))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("macro")))));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    /// <summary>A zip that is not an Office document.</summary>
    public static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<document/>");
        }
        return stream.ToArray();
    }

    /// <summary>A Windows executable's start ("MZ" and the PE header offset).</summary>
    public static byte[] Exe()
    {
        var bytes = new byte[256];
        bytes[0] = (byte)'M';
        bytes[1] = (byte)'Z';
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(0x3C), 0x80);
        "PE\0\0"u8.CopyTo(bytes.AsSpan(0x80));
        return bytes;
    }

    public static byte[] Html() => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>");

    /// <summary>
    /// A minimal compound file (the container of .doc, .xls and .ppt, but also of .msi installers) whose directory holds
    /// one stream named <paramref name="stream"/>: 512-byte header, one FAT sector, one directory sector.
    /// </summary>
    public static byte[] Compound(string stream)
    {
        var bytes = new byte[512 * 3];
        var header = bytes.AsSpan(0, 512);
        new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x18..], 0x3E);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1A..], 3);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1C..], 0xFFFE);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x1E..], 9);
        BinaryPrimitives.WriteUInt16LittleEndian(header[0x20..], 6);
        BinaryPrimitives.WriteInt32LittleEndian(header[0x2C..], 1); // one FAT sector
        BinaryPrimitives.WriteInt32LittleEndian(header[0x30..], 1); // directory at sector 1
        BinaryPrimitives.WriteInt32LittleEndian(header[0x38..], 4096);
        BinaryPrimitives.WriteInt32LittleEndian(header[0x3C..], -2);
        BinaryPrimitives.WriteInt32LittleEndian(header[0x44..], -2);
        for (var i = 0; i < 109; i++)
        {
            BinaryPrimitives.WriteInt32LittleEndian(header[(0x4C + (i * 4))..], i == 0 ? 0 : -1);
        }
        var fat = bytes.AsSpan(512, 512);
        fat.Fill(0xFF);
        BinaryPrimitives.WriteInt32LittleEndian(fat, -3); // sector 0: the FAT itself
        BinaryPrimitives.WriteInt32LittleEndian(fat[4..], -2); // sector 1: the directory, end of chain
        var directory = bytes.AsSpan(1024, 512);
        WriteEntry(directory[..128], "Root Entry", 5);
        WriteEntry(directory.Slice(128, 128), stream, 2);
        return bytes;
    }

    private static void WriteEntry(Span<byte> entry, string name, byte type)
    {
        var encoded = Encoding.Unicode.GetBytes(name);
        encoded.CopyTo(entry);
        BinaryPrimitives.WriteUInt16LittleEndian(entry[0x40..], (ushort)(encoded.Length + 2));
        entry[0x42] = type;
    }
}
