using Enact.Core.Calls;
using Enact.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Calls.Manage;

/// <summary>The submissions answering one call, for editors: who owns each, where it stands, and any extension.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class SubmissionsModel(CallService calls) : PageModel
{
    public SubmissionCall Call { get; private set; } = null!;
    public IReadOnlyList<CallSubmission> Submissions { get; private set; } = [];

    /// <summary>"extended" after an extension was granted.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var call = await calls.FindAsync(id, ct);
        var submissions = call is null ? null : await calls.SubmissionsAsync(id, ct);
        if (call is null || submissions is null)
        {
            return NotFound();
        }
        Call = call;
        Submissions = submissions;
        return Page();
    }
}
