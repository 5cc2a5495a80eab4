using Enact.Core.CaseStudies;
using Enact.Core.Review;
using Enact.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Review;

/// <summary>The editors' queue: case studies by state, filtered by state, call and country, with counts per state.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(ReviewDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "state")]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "call")]
    public int? Call { get; set; }

    [BindProperty(SupportsGet = true, Name = "country")]
    public string? Country { get; set; }

    public ReviewQueueView Queue { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var status = ReviewFormat.ParseStatus(State);
        if (status is null)
        {
            State = null;
        }
        Country = Country is { Length: 2 } c ? c.ToUpperInvariant() : null;
        Queue = await desk.QueueAsync(new ReviewQueueFilter
        {
            States = status is { } s ? [s] : [],
            CallId = Call,
            Country = Country,
        }, ct);
    }

    /// <summary>This view's address with another state.</summary>
    public string StateUrl(CaseStudyStatus status)
    {
        var query = new List<KeyValuePair<string, string?>> { new("state", CaseStudyWorkflow.StatusCode(status)) };
        if (Call is { } call)
        {
            query.Add(new("call", call.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (Country is not null)
        {
            query.Add(new("country", Country));
        }
        return Request.PathBase + Request.Path + QueryString.Create(query).ToUriComponent();
    }
}
