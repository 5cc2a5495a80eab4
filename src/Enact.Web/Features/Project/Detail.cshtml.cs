using Enact.Core.Projects;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Project;

/// <summary>A project: name and long title, objectives, dimensions, SDGs, activities with their status, partners.</summary>
public sealed class DetailModel(ProjectCatalog projects) : PageModel
{
    public ProjectView View { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var view = await projects.FindAsync(code, ct);
        if (view is null)
        {
            return NotFound();
        }
        View = view;
        return Page();
    }
}
