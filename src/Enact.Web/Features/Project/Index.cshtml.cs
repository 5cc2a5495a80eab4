using Enact.Core.Projects;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Project;

/// <summary>The short address of ENACT: a permanent redirect to the project's page.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => RedirectPermanent($"/{Cultures.Current}/projects/{ProjectDemoContent.EnactCode}");
}
