using Enact.Core.Calls;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Calls.Manage;

[Authorize(Policy = Policies.Staff)]
public sealed class CreateModel(CallService calls, IStringLocalizer<CallText> text, IStringLocalizer<SharedText> shared) : PageModel, ICallFormPage
{
    [BindProperty]
    public CallFormInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = Input.ToCallInput(ModelState, text);
        if (input is null)
        {
            return Page();
        }
        var outcome = await calls.CreateAsync(CurrentUser.Actor(User), input, ct);
        if (outcome.Succeeded)
        {
            return Redirect($"/{Cultures.Current}/calls/manage/{outcome.Id}?status=created");
        }
        CallErrors.Add(ModelState, outcome.Errors, text, shared);
        return Page();
    }
}
