using Enact.Core.Accounts;
using Enact.Core.Reference;
using Enact.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Workspace;

/// <summary>The countries the signed-in person can act for: all for administrators and editors, their own for focal points.</summary>
[Authorize]
public sealed class IndexModel(CountryAdministration countries) : PageModel
{
    public IReadOnlyList<Country> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await countries.ListAsync(ct);
        if (User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor))
        {
            Countries = all;
        }
        else if (User.IsInRole(Roles.FocalPoint))
        {
            Countries = all.Where(c => User.HasClaim(CountryScopeHandler.CountryClaim, c.Code)).ToList();
        }
    }
}
