using Enact.Core.Data;
using Enact.Core.Events;
using Enact.Core.Files;
using Enact.Core.Projects;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.News;

/// <summary>
/// The demo news item about the launch shows the launch event's picture: the same stored file (files are shared, never
/// deleted under a reader), with its own alternative texts.
/// </summary>
public static class NewsDemoContent
{
    public static async Task SeedAsync(EnactDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var item = await db.NewsItems.FirstOrDefaultAsync(n => n.Slug == ProjectDemoContent.LaunchNewsSlug && n.ImageFileId == null, ct);
        var fileId = await db.Events.Where(e => e.Slug == EventDemoContent.LaunchSlug).Select(e => e.ImageFileId).FirstOrDefaultAsync(ct);
        if (item is null || fileId is not Guid id)
        {
            return;
        }
        var content = await db.StoredFiles.Where(f => f.Id == id).Select(f => f.Content).FirstOrDefaultAsync(ct);
        if (content is null || ImageDimensions.Read(content) is not var (width, height))
        {
            return;
        }
        item.ImageFileId = id;
        item.ImageWidth = width;
        item.ImageHeight = height;
        item.ImageAltAr = "صورة من منصة جلسة إطلاق مشروع ENACT";
        item.ImageAltEn = "A picture of the platform of the ENACT launch session";
        await db.SaveChangesAsync(ct);
    }
}
