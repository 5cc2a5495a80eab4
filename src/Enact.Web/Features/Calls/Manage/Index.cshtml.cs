using Enact.Core.Calls;
using Enact.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Calls.Manage;

/// <summary>Editors' list of every call, with links to edit it and to its submissions.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(CallService calls, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SubmissionCall> Calls { get; private set; } = [];
    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow().UtcDateTime;
        Calls = await calls.ListAsync(ct);
    }
}
