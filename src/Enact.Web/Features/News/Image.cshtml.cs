using System.Globalization;
using Enact.Core.Accounts;
using Enact.Core.News;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace Enact.Web.Features.News;

/// <summary>
/// A news item's picture, from the database (so every instance serves the same bytes), cached like the event image; its
/// address carries the stored file's id, so a replaced picture is a new address. Staff may see an unpublished item's
/// picture, which is then not cached by shared caches.
/// </summary>
public sealed class ImageModel(NewsService news) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var staff = User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor);
        if (await news.ImageAsync(slug, staff, ct) is not { } image)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = image.Published ? "public, max-age=3600" : "private, no-cache";
        return new FileContentResult(image.Content, image.ContentType) { EntityTag = new EntityTagHeaderValue($"\"{image.FileId:N}\"") };
    }
}

/// <summary>Addresses and sizes of news pictures for the pages.</summary>
public static class NewsPictures
{
    /// <summary>The thumbnail's box in the news list (CSS crops the picture to it).</summary>
    public const int ThumbnailWidth = 96;
    public const int ThumbnailHeight = 64;

    /// <summary>The widest the picture is shown on the item's page.</summary>
    public const int MaxWidth = 720;

    public static string Url(string culture, string slug, Guid fileId)
        => $"/{culture}/news/{Uri.EscapeDataString(slug)}/image?v={fileId.ToString("N", CultureInfo.InvariantCulture)[..12]}";

    /// <summary>The picture's size on the item's page: its own, scaled down to <see cref="MaxWidth"/> when wider.</summary>
    public static (int Width, int Height) Shown(int? width, int? height)
    {
        var w = width is > 0 ? width.Value : 640;
        var h = height is > 0 ? height.Value : 360;
        return w <= MaxWidth ? (w, h) : (MaxWidth, Math.Max(1, (int)Math.Round(h * (double)MaxWidth / w)));
    }
}
