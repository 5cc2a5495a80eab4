using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Submissions;

/// <summary>
/// <c>/case-studies/submissions/{id}</c> (the address in reminder and invitation e-mails) opens the template at its
/// first step; a case study that can no longer be edited goes on from there to its preview.
/// </summary>
[Authorize]
public sealed class OpenModel : PageModel
{
    public IActionResult OnGet(string id)
        => Redirect($"/{Cultures.Current}/case-studies/submissions/{Uri.EscapeDataString(id)}/organisation");
}
