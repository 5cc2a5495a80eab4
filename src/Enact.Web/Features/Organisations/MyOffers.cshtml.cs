using Enact.Core.Organisations;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Organisations;

/// <summary>The signed-in person's offers to collaborate, with the editors' answers.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class MyOffersModel(CollaborationService collaboration) : PageModel
{
    public IReadOnlyList<OfferView> Offers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
        => Offers = CurrentUser.Id(User) is Guid userId ? await collaboration.OfPersonAsync(userId, ct) : [];
}
