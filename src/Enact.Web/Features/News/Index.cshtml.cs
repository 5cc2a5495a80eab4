using Enact.Core.News;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.News;

/// <summary>News, newest first, ten to a page.</summary>
public sealed class IndexModel(NewsService news) : PageModel
{
    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<NewsSummary> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + NewsService.PageSize - 1) / NewsService.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        (Items, Total) = await news.ListAsync(PageNumber, ct: ct);
        return PageNumber > PageCount ? NotFound() : Page();
    }
}
