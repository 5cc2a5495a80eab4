using Enact.Core.Events;
using Enact.Core.Files;
using Enact.Tests.Submissions;

namespace Enact.Tests.Events;

/// <summary>Event documents (slides, reports) and pictures are recognised by content through the shared inspector.</summary>
public sealed class EventFileTypesTests
{
    [Fact]
    public void Slides_reports_and_pictures_are_recognised_by_content_and_other_files_are_not()
    {
        Assert.Equal(FileKind.Pptx.ContentType, EventFileTypes.Detect(SampleFiles.Pptx()));
        Assert.Equal(FileKind.Docx.ContentType, EventFileTypes.Detect(SampleFiles.Docx()));
        Assert.Equal("application/pdf", EventFileTypes.Detect(SampleFiles.Pdf()));
        Assert.Equal("image/png", EventFileTypes.Detect(SampleFiles.Png()));
        Assert.Null(EventFileTypes.Detect(SampleFiles.Html()));
        Assert.Null(EventFileTypes.Detect(SampleFiles.Exe()));
        Assert.Null(EventFileTypes.Detect(SampleFiles.Docm()));

        Assert.Equal(".pptx", EventFileTypes.Extension(FileKind.Pptx.ContentType));
        Assert.Equal(".jpg", EventFileTypes.Extension("image/jpeg"));
        Assert.Equal(".bin", EventFileTypes.Extension("text/html"));
    }
}
