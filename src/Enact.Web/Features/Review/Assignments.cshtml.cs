using Enact.Core.Review;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Review;

/// <summary>A reviewer's own assignments (withdrawn ones disappear); nothing else is listed.</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class AssignmentsModel(ReviewerDesk desk) : PageModel
{
    public IReadOnlyList<MyAssignment> Assignments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CurrentUser.Id(User) is not { } me)
        {
            return Forbid();
        }
        Assignments = await desk.AssignmentsAsync(me, ct);
        return Page();
    }
}
