using Enact.Core.Accounts;
using Enact.Core.Reference;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Admin.Users;

public sealed class IndexModel(AccountDirectory directory, CountryAdministration countries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Text { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Country { get; set; }

    /// <summary>"active", "inactive" or empty for all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public PageOf<AccountRow> Accounts { get; private set; } = new([], 0, 1, AccountDirectory.PageSize);
    public IReadOnlyList<Country> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        bool? active = Status switch
        {
            "active" => true,
            "inactive" => false,
            _ => null,
        };
        var role = Role is not null && Roles.IsKnown(Role) ? Role : null;
        Accounts = await directory.ListAsync(new AccountFilter(Text, role, Country, active), PageNumber, ct);
        Countries = await countries.ListAsync(ct);
    }
}
