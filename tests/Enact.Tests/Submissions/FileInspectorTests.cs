using Enact.Core.Files;

namespace Enact.Tests.Submissions;

/// <summary>File types are found from the content of real small files, never from their names.</summary>
public sealed class FileInspectorTests
{
    public static TheoryData<string, string> Accepted() => new()
    {
        { "pdf", "application/pdf" },
        { "png", "image/png" },
        { "jpeg", "image/jpeg" },
        { "gif", "image/gif" },
        { "webp", "image/webp" },
        { "docx", FileKind.Docx.ContentType },
        { "xlsx", FileKind.Xlsx.ContentType },
        { "pptx", FileKind.Pptx.ContentType },
        { "doc", "application/msword" },
        { "xls", "application/vnd.ms-excel" },
        { "ppt", "application/vnd.ms-powerpoint" },
    };

    private static byte[] Sample(string kind) => kind switch
    {
        "pdf" => SampleFiles.Pdf(),
        "png" => SampleFiles.Png(),
        "jpeg" => SampleFiles.Jpeg(),
        "gif" => SampleFiles.Gif(),
        "webp" => SampleFiles.WebP(),
        "docx" => SampleFiles.Docx(),
        "xlsx" => SampleFiles.Xlsx(),
        "pptx" => SampleFiles.Pptx(),
        "doc" => SampleFiles.Compound("WordDocument"),
        "xls" => SampleFiles.Compound("Workbook"),
        "ppt" => SampleFiles.Compound("PowerPoint Document"),
        "exe" => SampleFiles.Exe(),
        "html" => SampleFiles.Html(),
        "zip" => SampleFiles.Zip(),
        "docm" => SampleFiles.Docm(),
        "msi" => SampleFiles.Compound("\u4840\u3B3F\u4577\u446C\u3E6A\u47E4"),
        "empty" => [],
        "text" => "just some text"u8.ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Documents_and_images_are_recognised_by_their_content(string kind, string contentType)
    {
        var found = FileInspector.Inspect(Sample(kind));
        Assert.NotNull(found);
        Assert.Equal(contentType, found.ContentType);
        Assert.Equal(kind is "png" or "jpeg" or "gif" or "webp", found.IsImage);
    }

    [Theory]
    [InlineData("exe")]
    [InlineData("html")]
    [InlineData("zip")]
    [InlineData("docm")]
    [InlineData("msi")]
    [InlineData("empty")]
    [InlineData("text")]
    public void Executables_pages_archives_macros_and_other_compound_files_are_refused(string kind)
        => Assert.Null(FileInspector.Inspect(Sample(kind)));

    [Fact]
    public void A_truncated_office_file_is_refused_not_thrown()
    {
        var docx = SampleFiles.Docx();
        Assert.Null(FileInspector.Inspect(docx[..(docx.Length / 2)]));
        var doc = SampleFiles.Compound("WordDocument");
        Assert.Null(FileInspector.Inspect(doc[..600]));
    }

    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("C:\\Users\\me\\تقرير.pdf", "تقرير.pdf")]
    [InlineData("../../etc/passwd", "passwd.pdf")]
    [InlineData("a\"b<c>.exe", "abc.exe.pdf")]
    [InlineData("", "file.pdf")]
    public void Names_are_cleaned_and_end_with_the_detected_type(string name, string expected)
        => Assert.Equal(expected, FileInspector.SafeFileName(name, FileKind.Pdf));

    [Fact]
    public void A_jpeg_keeps_its_jpeg_extension()
        => Assert.Equal("photo.jpeg", FileInspector.SafeFileName("photo.jpeg", FileKind.Jpeg));
}
