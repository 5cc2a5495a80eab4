using System.Globalization;
using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Admin.Audit;

public sealed class IndexModel(AuditLog log, IStringLocalizer<AdminText> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    /// <summary>Gregorian dates as yyyy-MM-dd (what a date field sends), parsed with the invariant culture.</summary>
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public PageOf<AuditEntry> Entries { get; private set; } = new([], 0, 1, AuditLog.PageSize);
    public IReadOnlyList<string> Actions { get; private set; } = [];

    /// <param name="pageNumber">Read from the query only: "page" is also the route value naming the Razor page.</param>
    public async Task OnGetAsync([FromQuery(Name = "page")] int pageNumber, CancellationToken ct)
    {
        // A page number that is not a number just means the first page.
        ModelState.Remove("page");
        var from = ParseDate(nameof(From), "DateFrom", From);
        var to = ParseDate(nameof(To), "DateTo", To);
        Actions = await log.ActionsAsync(ct);
        if (ModelState.ErrorCount > 0)
        {
            return;
        }
        Entries = await log.SearchAsync(new AuditFilter(Actor, Action, EntityType, EntityId, from, to), pageNumber, ct);
    }

    private DateOnly? ParseDate(string field, string label, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        ModelState.AddModelError(field, text["DateInvalid", text[label]]);
        return null;
    }
}
