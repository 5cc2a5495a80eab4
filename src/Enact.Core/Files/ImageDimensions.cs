using System.Buffers.Binary;

namespace Enact.Core.Files;

/// <summary>
/// The size in pixels of a PNG, JPEG, GIF or WebP image, read from its header (no decoding), so pages can give every
/// <c>img</c> its width and height and the layout does not move while pictures load. Null when the header cannot be
/// read: a file that claims to be an image but has no readable size is not accepted as one.
/// </summary>
public static class ImageDimensions
{
    /// <summary>Larger sides are refused as implausible (a decompression bomb rather than a picture).</summary>
    public const int MaxSide = 20_000;

    public static (int Width, int Height)? Read(ReadOnlySpan<byte> content)
    {
        var kind = FileInspector.Inspect(content);
        (int, int)? size = kind == FileKind.Png ? Png(content)
            : kind == FileKind.Gif ? Gif(content)
            : kind == FileKind.Jpeg ? Jpeg(content)
            : kind == FileKind.WebP ? WebP(content)
            : null;
        return size is var (w, h) && w is > 0 and <= MaxSide && h is > 0 and <= MaxSide ? (w, h) : null;
    }

    private static (int, int)? Png(ReadOnlySpan<byte> c)
        // Signature (8), then the IHDR chunk: length (4), "IHDR", width and height as big-endian 32-bit integers.
        => c.Length >= 24 && c[12..16].SequenceEqual("IHDR"u8)
            ? (BinaryPrimitives.ReadInt32BigEndian(c[16..]), BinaryPrimitives.ReadInt32BigEndian(c[20..]))
            : null;

    private static (int, int)? Gif(ReadOnlySpan<byte> c)
        => c.Length >= 10 ? (BinaryPrimitives.ReadUInt16LittleEndian(c[6..]), BinaryPrimitives.ReadUInt16LittleEndian(c[8..])) : null;

    private static (int, int)? Jpeg(ReadOnlySpan<byte> c)
    {
        // Walk the segments after SOI to the first start-of-frame marker (SOF0–SOF15 except DHT, JPG and DAC).
        var i = 2;
        while (i + 4 <= c.Length)
        {
            if (c[i] != 0xFF)
            {
                return null;
            }
            var marker = c[i + 1];
            if (marker == 0xFF)
            {
                i++;
                continue;
            }
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                i += 2;
                continue;
            }
            if (marker is 0xD9 or 0xDA)
            {
                return null;
            }
            var length = BinaryPrimitives.ReadUInt16BigEndian(c[(i + 2)..]);
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                return i + 9 <= c.Length
                    ? (BinaryPrimitives.ReadUInt16BigEndian(c[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(c[(i + 5)..]))
                    : null;
            }
            if (length < 2)
            {
                return null;
            }
            i += 2 + length;
        }
        return null;
    }

    private static (int, int)? WebP(ReadOnlySpan<byte> c)
    {
        if (c.Length < 30)
        {
            return null;
        }
        var chunk = c[12..16];
        if (chunk.SequenceEqual("VP8 "u8) && c[23] == 0x9D && c[24] == 0x01 && c[25] == 0x2A)
        {
            // Lossy: after the 3-byte frame tag and the start code, 14-bit width and height.
            return (BinaryPrimitives.ReadUInt16LittleEndian(c[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(c[28..]) & 0x3FFF);
        }
        if (chunk.SequenceEqual("VP8L"u8) && c[20] == 0x2F)
        {
            // Lossless: after the signature byte, 14 bits of width - 1 then 14 bits of height - 1.
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(c[21..]);
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            // Extended: canvas width - 1 and height - 1 as 24-bit little-endian integers after 4 bytes of flags.
            return (1 + (c[24] | (c[25] << 8) | (c[26] << 16)), 1 + (c[27] | (c[28] << 8) | (c[29] << 16)));
        }
        return null;
    }
}
