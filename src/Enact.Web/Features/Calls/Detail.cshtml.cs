using Enact.Core.Calls;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Calls;

/// <summary>
/// One call: its description, whether it is open, and its dates in the call's zone and the reader's. The reader's zone
/// comes from <c>?tz=</c> or a cookie (UTC when unknown); reader-time.js fills it in from the browser when it can.
/// </summary>
public sealed class DetailModel(CallService calls, TimeProvider clock) : PageModel
{
    public SubmissionCall Call { get; private set; } = null!;
    public CallState State { get; private set; }
    public string ReaderZone { get; private set; } = "UTC";
    public CallTimes.ReaderSource ReaderSource { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var call = await calls.FindAsync(id, ct);
        if (call is null)
        {
            return NotFound();
        }
        Call = call;
        State = CallStates.Of(call, clock.GetUtcNow().UtcDateTime);
        (ReaderZone, ReaderSource) = CallTimes.ReaderZone(HttpContext);
        return Page();
    }
}
