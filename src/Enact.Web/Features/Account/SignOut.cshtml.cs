using Enact.Core.Accounts;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Account;

/// <summary>Signing out is a POST (the layout's button); a GET answers 405 so a link or a prefetch cannot sign anyone out.</summary>
public sealed class SignOutModel(SignInManager<EnactUser> signIn, UserManager<EnactUser> users, ILogger<SignOutModel> logger) : PageModel
{
    public IActionResult OnGet() => StatusCode(StatusCodes.Status405MethodNotAllowed);

    public async Task<IActionResult> OnPostAsync()
    {
        var id = users.GetUserId(User);
        await signIn.SignOutAsync();
        AccountLog.SignedOut(logger, Guid.TryParse(id, out var g) ? g : null);
        return Redirect($"/{Cultures.Current}/");
    }
}
