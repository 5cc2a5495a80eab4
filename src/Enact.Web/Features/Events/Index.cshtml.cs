using Enact.Core.Events;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Events;

/// <summary>Upcoming and past events, filtered by kind and year (a GET form, so every view is a URL).</summary>
public sealed class IndexModel(EventCatalog catalog, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    /// <summary>A project code: only events of that project's activities.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Project { get; set; }

    public EventList List { get; private set; } = null!;
    public string ReaderZone { get; private set; } = EventTimeZones.Utc;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!EventKinds.IsKnown(Kind))
        {
            Kind = null;
        }
        if (Year is < 1900 or > 2200)
        {
            Year = null;
        }
        ReaderZone = EventFormat.ReaderZone(HttpContext);
        if (Project is { Length: > 64 })
        {
            Project = null;
        }
        List = await catalog.ListAsync(Kind, Year, string.IsNullOrWhiteSpace(Project) ? null : Project, time.GetUtcNow().UtcDateTime, ct);
        _ = Cultures.Current;
    }
}
