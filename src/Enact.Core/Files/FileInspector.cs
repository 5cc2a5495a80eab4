using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Enact.Core.Files;

/// <summary>What <see cref="FileInspector"/> found a file to be: its media type, the usual extension, and whether it is an image.</summary>
public sealed record FileKind(string ContentType, string Extension, bool IsImage)
{
    public static readonly FileKind Pdf = new("application/pdf", ".pdf", false);
    public static readonly FileKind Png = new("image/png", ".png", true);
    public static readonly FileKind Jpeg = new("image/jpeg", ".jpg", true);
    public static readonly FileKind Gif = new("image/gif", ".gif", true);
    public static readonly FileKind WebP = new("image/webp", ".webp", true);
    public static readonly FileKind Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", false);
    public static readonly FileKind Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", false);
    public static readonly FileKind Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx", false);
    public static readonly FileKind Doc = new("application/msword", ".doc", false);
    public static readonly FileKind Xls = new("application/vnd.ms-excel", ".xls", false);
    public static readonly FileKind Ppt = new("application/vnd.ms-powerpoint", ".ppt", false);

    /// <summary>Every kind the inspector recognises.</summary>
    public static IReadOnlyList<FileKind> All { get; } = [Pdf, Png, Jpeg, Gif, WebP, Docx, Xlsx, Pptx, Doc, Xls, Ppt];

    /// <summary>Other extensions people use for the same kind (".jpeg" for JPEG).</summary>
    public IReadOnlyList<string> Aliases => Extension == ".jpg" ? [".jpg", ".jpeg", ".jpe"] : [Extension];
}

/// <summary>
/// Finds the type of an uploaded file from its content, never from its name or the browser's claim: PDF, images
/// (PNG, JPEG, GIF, WebP), Office Open XML documents (docx, xlsx, pptx: a zip whose <c>[Content_Types].xml</c> names
/// the main part, which must exist) and legacy Office documents (doc, xls, ppt: a compound file whose directory holds
/// the application's stream). Anything else — executables, HTML, scripts, archives, macro-enabled documents — is
/// unknown (null). Reusable by any feature that accepts files.
/// </summary>
public static class FileInspector
{
    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] ZipMagic = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] CompoundMagic = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The largest <c>[Content_Types].xml</c> read (a real one is a few kilobytes).</summary>
    private const int MaxContentTypesLength = 256 * 1024;

    private static readonly (string MainPart, string ContentType, FileKind Kind)[] OpenXml =
    [
        ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", FileKind.Docx),
        ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", FileKind.Xlsx),
        ("ppt/presentation.xml", "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml", FileKind.Pptx),
    ];

    /// <summary>The kind of <paramref name="content"/>, or null when it is not a PDF, an Office document or an image.</summary>
    public static FileKind? Inspect(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(PdfMagic))
        {
            return FileKind.Pdf;
        }
        if (content.StartsWith(PngMagic))
        {
            return FileKind.Png;
        }
        if (content.Length >= 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return FileKind.Jpeg;
        }
        if (content.StartsWith("GIF87a"u8) || content.StartsWith("GIF89a"u8))
        {
            return FileKind.Gif;
        }
        if (content.Length >= 12 && content.StartsWith("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return FileKind.WebP;
        }
        return null;
    }

    /// <summary>The kind of <paramref name="content"/> (a whole file), looking inside zip and compound files.</summary>
    public static FileKind? Inspect(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var simple = Inspect(content.AsSpan());
        if (simple is not null)
        {
            return simple;
        }
        if (content.AsSpan().StartsWith(ZipMagic))
        {
            return InspectOpenXml(content);
        }
        if (content.AsSpan().StartsWith(CompoundMagic))
        {
            return InspectCompound(content);
        }
        return null;
    }

    private static FileKind? InspectOpenXml(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > MaxContentTypesLength)
            {
                return null;
            }
            string xml;
            using (var reader = new StreamReader(types.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }
            // Macro-enabled documents (docm, xlsm, pptm) carry a VBA project: refused.
            if (zip.Entries.Any(e => e.FullName.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))
                || xml.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            var declared = DeclaredTypes(xml);
            foreach (var (mainPart, contentType, kind) in OpenXml)
            {
                var extension = Path.GetExtension(mainPart).TrimStart('.');
                var type = declared.Overrides.GetValueOrDefault("/" + mainPart) ?? declared.Defaults.GetValueOrDefault(extension);
                if (zip.GetEntry(mainPart) is not null && string.Equals(type, contentType, StringComparison.OrdinalIgnoreCase))
                {
                    return kind;
                }
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (System.Xml.XmlException)
        {
            return null;
        }
    }

    /// <summary>The content types a package declares: per part name (Override) and per extension (Default).</summary>
    private static (Dictionary<string, string> Overrides, Dictionary<string, string> Defaults) DeclaredTypes(string xml)
    {
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // XDocument.Parse refuses DTDs, so no entity expansion reaches this point.
        var document = System.Xml.Linq.XDocument.Parse(xml);
        foreach (var element in document.Root?.Elements() ?? [])
        {
            var type = (string?)element.Attribute("ContentType");
            if (type is null)
            {
                continue;
            }
            if (element.Name.LocalName == "Override" && (string?)element.Attribute("PartName") is { } part)
            {
                overrides[part] = type;
            }
            else if (element.Name.LocalName == "Default" && (string?)element.Attribute("Extension") is { } extension)
            {
                defaults[extension] = type;
            }
        }
        return (overrides, defaults);
    }

    /// <summary>
    /// Reads the directory of a compound file (the container of legacy Office documents, but also of installers):
    /// a Word document has a "WordDocument" stream, a workbook "Workbook" (or "Book"), a presentation "PowerPoint Document".
    /// </summary>
    private static FileKind? InspectCompound(byte[] content)
    {
        if (content.Length < 512)
        {
            return null;
        }
        var header = content.AsSpan(0, 512);
        var sectorShift = BinaryPrimitives.ReadUInt16LittleEndian(header[0x1E..]);
        if (sectorShift is not (9 or 12))
        {
            return null;
        }
        var sectorSize = 1 << sectorShift;
        var fatSectorCount = BinaryPrimitives.ReadInt32LittleEndian(header[0x2C..]);
        var firstDirectorySector = BinaryPrimitives.ReadInt32LittleEndian(header[0x30..]);

        // The FAT's own sectors: the first 109 are listed in the header (enough for files up to about 7 MB with
        // 512-byte sectors and far more with 4096-byte ones; larger files are read through the listed part only).
        var fatSectors = new List<int>();
        for (var i = 0; i < Math.Min(109, Math.Max(0, fatSectorCount)); i++)
        {
            var sector = BinaryPrimitives.ReadInt32LittleEndian(header[(0x4C + (i * 4))..]);
            if (sector < 0)
            {
                break;
            }
            fatSectors.Add(sector);
        }

        int NextSector(int sector)
        {
            var perSector = sectorSize / 4;
            var index = sector / perSector;
            if (index >= fatSectors.Count)
            {
                return -2;
            }
            var offset = ((long)fatSectors[index] + 1) * sectorSize + ((sector % perSector) * 4);
            return offset + 4 <= content.Length ? BinaryPrimitives.ReadInt32LittleEndian(content.AsSpan((int)offset, 4)) : -2;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var current = firstDirectorySector;
        var visited = new HashSet<int>();
        while (current >= 0 && visited.Add(current) && visited.Count < 10_000)
        {
            var start = ((long)current + 1) * sectorSize;
            if (start + sectorSize > content.Length)
            {
                break;
            }
            for (var entry = 0; entry < sectorSize / 128; entry++)
            {
                var e = content.AsSpan((int)start + (entry * 128), 128);
                var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(e[0x40..]);
                if (nameLength is >= 2 and <= 64)
                {
                    names.Add(Encoding.Unicode.GetString(e[..(nameLength - 2)]));
                }
            }
            current = NextSector(current);
        }

        if (names.Contains("WordDocument"))
        {
            return FileKind.Doc;
        }
        if (names.Contains("Workbook") || names.Contains("Book"))
        {
            return FileKind.Xls;
        }
        if (names.Contains("PowerPoint Document"))
        {
            return FileKind.Ppt;
        }
        return null;
    }

    /// <summary>
    /// A name safe to show and to offer for download: the last segment of what the browser sent, without control
    /// characters, quotes or path separators, at most <paramref name="maxLength"/> characters, ending with an extension of the detected kind.
    /// </summary>
    public static string SafeFileName(string? name, FileKind kind, int maxLength = 255)
    {
        ArgumentNullException.ThrowIfNull(kind);
        var last = (name ?? "").Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var clean = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            if (!char.IsControl(c) && c is not ('"' or '<' or '>' or ':' or '|' or '?' or '*') && !char.IsSurrogate(c))
            {
                clean.Append(c);
            }
        }
        var result = clean.ToString().Trim().TrimStart('.');
        if (result.Length == 0)
        {
            result = "file";
        }
        var extension = Path.GetExtension(result);
        if (!kind.Aliases.Contains(extension.ToLowerInvariant(), StringComparer.Ordinal))
        {
            result += kind.Extension;
            extension = kind.Extension;
        }
        if (result.Length > maxLength)
        {
            result = result[..(maxLength - extension.Length)] + extension;
        }
        return result;
    }
}
