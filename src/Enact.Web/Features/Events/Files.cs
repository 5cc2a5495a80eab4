using System.Text;
using Enact.Core.Accounts;
using Enact.Core.Events;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Events;

/// <summary>One event as an iCalendar file (VEVENT with TZID and the matching VTIMEZONE).</summary>
public sealed class EventIcsModel(EventCatalog catalog) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var detail = await catalog.GetAsync(slug, null, staff: false, ct);
        if (detail is null)
        {
            return NotFound();
        }
        var c = Cultures.Current;
        var root = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/{c}/events/";
        var ics = EventCalendar.Write([detail.Event], c, e => root + e.Slug);
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"{slug}.ics");
    }
}

/// <summary>The calendar feed of upcoming published events.</summary>
public sealed class CalendarFeedModel(EventCatalog catalog, IStringLocalizer<EventText> text, TimeProvider time) : PageModel
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var c = Cultures.Current;
        var events = await catalog.UpcomingAsync(time.GetUtcNow().UtcDateTime, ct: ct);
        var root = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/{c}/events/";
        var ics = EventCalendar.Write(events, c, e => root + e.Slug, text["CalendarFeedName"].Value);
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8");
    }
}

/// <summary>An event's image or one of its documents, from the database (so every instance serves the same bytes).</summary>
public sealed class EventFileModel(EventCatalog catalog) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string slug, long? documentId, CancellationToken ct)
    {
        var staff = User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor);
        var file = await catalog.GetFileAsync(slug, documentId, staff, ct);
        if (file is not { } f)
        {
            return NotFound();
        }
        Response.Headers.CacheControl = "public, max-age=3600";
        return f.FileName is null ? File(f.Content, f.ContentType) : File(f.Content, f.ContentType, f.FileName);
    }
}
