using Enact.Core.Events;
using Enact.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Events.Manage;

/// <summary>Staff's list of every event (published or not), newest first.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(EventAdministration events) : PageModel
{
    public IReadOnlyList<EventListItem> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Events = await events.ListAllAsync(ct);
}
