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

    public PageOf<AccountRow> Accounts { get; private set; } = new([], 0, 1, AccountDirectory.PageSize);
    public IReadOnlyList<Country> Countries { get; private set; } = [];

    /// <param name="pageNumber">Read from the query only: "page" is also the route value naming the Razor page.</param>
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        bool? active = Status switch
        {
            "active" => true,
            "inactive" => false,
            _ => null,
        };
        var role = Role is not null && Roles.IsKnown(Role) ? Role : null;
        Accounts = await directory.ListAsync(new AccountFilter(Text, role, Country, active), pageNumber, ct);
        Countries = await countries.ListAsync(ct);
    }
}
