using Enact.Core.Reference;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Admin.Countries;

/// <summary>The 22 states, with the ESCWA-membership flag that administrators may correct.</summary>
public sealed class IndexModel(CountryAdministration countries, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<Country> Countries { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Saved { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Countries = await countries.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var result = await countries.SetEscwaMemberAsync(CurrentUser.Actor(User), Input.Code, Input.Version, Input.IsEscwaMember, ct);
            switch (result)
            {
                case CountryUpdate.Saved or CountryUpdate.Unchanged:
                    return Redirect($"/{Cultures.Current}/admin/countries?saved={Uri.EscapeDataString(Input.Code.ToUpperInvariant())}");
                case CountryUpdate.NotFound:
                    return NotFound();
                case CountryUpdate.Conflict:
                    ModelState.AddModelError("", text["CountryConflict", Input.Code.ToUpperInvariant()]);
                    break;
            }
        }
        // Shown with the values as they are now, so the administrator decides again.
        Saved = null;
        Countries = await countries.ListAsync(ct);
        return Page();
    }

    [FeatureTexts(typeof(AdminText))]
    public sealed class InputModel
    {
        [System.ComponentModel.DataAnnotations.Required(ErrorMessage = "Required")]
        [System.ComponentModel.DataAnnotations.MaxLength(2, ErrorMessage = "MaxLength")]
        [System.ComponentModel.DataAnnotations.Display(Name = "Country")]
        public string Code { get; set; } = "";

        public Guid Version { get; set; }

        public bool IsEscwaMember { get; set; }
    }
}
