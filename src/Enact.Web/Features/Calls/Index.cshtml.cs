using Enact.Core.Calls;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Calls;

/// <summary>The public list of calls: open ones first, then upcoming, then closed.</summary>
public sealed class IndexModel(CallService calls, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SubmissionCall> Open { get; private set; } = [];
    public IReadOnlyList<SubmissionCall> Upcoming { get; private set; } = [];
    public IReadOnlyList<SubmissionCall> Closed { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var all = await calls.ListAsync(ct);
        Open = all.Where(c => CallStates.Of(c, now) == CallState.Open).OrderBy(c => c.ClosesAt).ToList();
        Upcoming = all.Where(c => CallStates.Of(c, now) == CallState.Upcoming).OrderBy(c => c.OpensAt).ToList();
        Closed = all.Where(c => CallStates.Of(c, now) == CallState.Closed).OrderByDescending(c => c.ClosesAt).ToList();
    }
}
