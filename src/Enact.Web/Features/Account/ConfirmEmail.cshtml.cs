using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Account;

public sealed class ConfirmEmailModel(UserManager<EnactUser> users, EnactDbContext db, AuditTrail audit, ILogger<ConfirmEmailModel> logger) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid? userId, string? code, CancellationToken ct)
    {
        var token = AccountTokens.Decode(code);
        var user = userId is null || token is null ? null : await users.FindByIdAsync(userId.Value.ToString());
        if (user is null || token is null)
        {
            return;
        }
        if (user.EmailConfirmed)
        {
            // A second click on the link: nothing to do, and nothing wrong.
            Confirmed = true;
            return;
        }
        var result = await users.ConfirmEmailAsync(user, token);
        if (!result.Succeeded)
        {
            return;
        }
        audit.Record(AccountTokens.Actor(user), "user.email-confirmed", "user", user.Id.ToString());
        await db.SaveChangesAsync(ct);
        AccountLog.Changed(logger, user.Id, "email-confirmed");
        Confirmed = true;
    }
}
