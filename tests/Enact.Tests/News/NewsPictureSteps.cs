using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Enact.Tests.Infrastructure;

namespace Enact.Tests.News;

/// <summary>Small pictures made in memory, and the staff news form submitted as a browser does with a file (multipart).</summary>
public static class NewsPictureSteps
{
    /// <summary>A valid PNG of the given size (one grey row repeated), optionally padded with a trailing chunk to reach <paramref name="minLength"/> bytes.</summary>
    public static byte[] Png(int width, int height, int minLength = 0)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 0; // greyscale
        Chunk(png, "IHDR", header);
        using (var raw = new MemoryStream())
        {
            using (var z = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
            {
                var row = new byte[width + 1];
                Array.Fill(row, (byte)0x80, 1, width);
                for (var y = 0; y < height; y++)
                {
                    z.Write(row);
                }
            }
            Chunk(png, "IDAT", raw.ToArray());
        }
        var padding = minLength - (int)png.Length - 12 - 12;
        if (padding > 0)
        {
            Chunk(png, "tEXt", new byte[padding]);
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The start of a baseline JPEG: SOI, an APP0 segment, then SOF0 with the size (enough for the checks).</summary>
    public static byte[] Jpeg(int width, int height)
    {
        byte[] app0 = [0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0];
        byte[] sof0 = [0xFF, 0xC0, 0x00, 0x0B, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 1, 1, 0x11, 0];
        return [0xFF, 0xD8, .. app0, .. sof0, 0xFF, 0xD9];
    }

    public static byte[] Gif(int width, int height)
        => [.. "GIF89a"u8, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0, 0, 0, 0x3B];

    /// <summary>An extended (VP8X) WebP header with the canvas size.</summary>
    public static byte[] WebP(int width, int height)
    {
        var bytes = new byte[30];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 22);
        "WEBPVP8X"u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 10);
        var w = width - 1;
        var h = height - 1;
        bytes[24] = (byte)w;
        bytes[25] = (byte)(w >> 8);
        bytes[26] = (byte)(w >> 16);
        bytes[27] = (byte)h;
        bytes[28] = (byte)(h >> 8);
        bytes[29] = (byte)(h >> 16);
        return bytes;
    }

    /// <summary>
    /// Loads the news form at <paramref name="path"/>, keeps its fields' values, overrides <paramref name="fields"/> (null
    /// removes one, such as an unchecked box) and posts it as multipart/form-data with <paramref name="image"/> as Input.Image.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitNewsFormAsync(TestClient client, string path, IEnumerable<KeyValuePair<string, string?>> fields, byte[]? image, string fileName = "picture.png")
    {
        var page = await client.GetPageAsync(path);
        var form = page.QuerySelector("main form") as IHtmlFormElement ?? throw new InvalidOperationException($"No form on {path}");
        Assert.Equal("multipart/form-data", form.GetAttribute("enctype"));
        var values = Values(form);
        var overridden = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        values.RemoveAll(v => overridden.Contains(v.Key));
        values.AddRange(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));

        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in values)
        {
            content.Add(new StringContent(value), key);
        }
        if (image is not null)
        {
            var file = new ByteArrayContent(image);
            // The browser's claim, which the server ignores in favour of the content.
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, "Input.Image", fileName);
        }
        return await client.Http.PostAsync(new Uri(page.Url).PathAndQuery, content);
    }

    private static List<KeyValuePair<string, string>> Values(IHtmlFormElement form)
    {
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is not ("checkbox" or "radio") || input.IsChecked)
                    {
                        values.Add(new(input.Name, input.Value));
                    }
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    values.AddRange(select.Options.Where(o => o.IsSelected).Select(o => new KeyValuePair<string, string>(select.Name, o.Value)));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name, area.Value));
                    break;
            }
        }
        return values;
    }

    public static IEnumerable<KeyValuePair<string, string?>> NewItem(string slug, string? altAr = "صورة المشاركين في الورشة", string? altEn = "The workshop's participants")
        => TestClient.Many(
            ("Input.Slug", slug),
            ("Input.TitleAr", "خبر مع صورة"),
            ("Input.TitleEn", "News with a picture"),
            ("Input.SummaryAr", "ملخص الخبر"),
            ("Input.SummaryEn", "The item's summary"),
            ("Input.PublishedOn", "2026-01-10"),
            ("Input.ImageAltAr", altAr),
            ("Input.ImageAltEn", altEn));

    public static string? Attr(IElement? element, string name) => element?.GetAttribute(name);

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32([.. typeBytes, .. data]));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }
}
