using Enact.Core.News;
using Enact.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.News.Manage;

/// <summary>Every news item (published or scheduled), for staff.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(NewsService news) : PageModel
{
    public IReadOnlyList<NewsSummary> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await news.AllAsync(ct);
}
