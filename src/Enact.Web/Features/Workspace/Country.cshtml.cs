using Enact.Core.Reference;
using Enact.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Workspace;

/// <summary>A country's workspace, for its focal points (and administrators and editors).</summary>
[Authorize]
public sealed class CountryModel(CountryAdministration countries, IAuthorizationService authorization) : PageModel
{
    public Country Country { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var upper = code.ToUpperInvariant();
        var allowed = await authorization.AuthorizeAsync(User, upper, Policies.CountryScope);
        if (!allowed.Succeeded)
        {
            return Forbid();
        }
        var country = await countries.FindAsync(upper, ct);
        if (country is null)
        {
            return NotFound();
        }
        Country = country;
        return Page();
    }
}
