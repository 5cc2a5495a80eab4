using Enact.Core.Data;
using Enact.Core.Organisations;
using Enact.Core.Reference;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Organisations;

/// <summary>The directory: organisations by type and country, verified ones first.</summary>
public sealed class IndexModel(OrganisationDirectory directory, EnactDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    /// <summary>From the query's "page" (read directly: "page" is also the route value naming the Razor page).</summary>
    public int PageNumber { get; private set; } = 1;

    public IReadOnlyList<Organisation> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + OrganisationDirectory.PageSize - 1) / OrganisationDirectory.PageSize);
    public IReadOnlyList<Country> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? Math.Max(1, n) : 1;
        Countries = await OrganisationPages.CountriesAsync(db, ct);
        (Items, Total) = await directory.ListAsync(new OrganisationFilter(Type, Country, PageNumber), ct);
    }
}
