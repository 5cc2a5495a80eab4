using Enact.Core.News;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.News;

/// <summary>News, newest first, ten to a page.</summary>
public sealed class IndexModel(NewsService news) : PageModel
{
    /// <summary>From the query's "page" (read directly: "page" is also the route value naming the Razor page).</summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<NewsSummary> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + NewsService.PageSize - 1) / NewsService.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? Math.Max(1, n) : 1;
        (Items, Total) = await news.ListAsync(PageNumber, ct: ct);
        return PageNumber > PageCount ? NotFound() : Page();
    }
}
