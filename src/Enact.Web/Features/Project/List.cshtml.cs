using Enact.Core.Projects;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Project;

/// <summary>Every project: its name, full title and number of activities, each linking to its page.</summary>
public sealed class ListModel(ProjectAdministration admin) : PageModel
{
    public IReadOnlyList<ProjectListItem> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Projects = await admin.ListAsync(ct);
}
