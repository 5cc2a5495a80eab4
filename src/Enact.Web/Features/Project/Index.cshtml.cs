using Enact.Core.Projects;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Project;

/// <summary>The ENACT page of the main navigation: the ENACT project's page when it exists, else a short description.</summary>
public sealed class IndexModel(ProjectCatalog projects) : PageModel
{
    public ProjectView? View { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => View = await projects.FindAsync(ProjectDemoContent.EnactCode, ct);
}
