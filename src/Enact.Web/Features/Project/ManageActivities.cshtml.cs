using System.Globalization;
using Enact.Core.Projects;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Project;

/// <summary>One button of the order page: which activity, which way, and the order the editor saw (ids separated by commas).</summary>
public sealed class MoveForm
{
    public int Id { get; set; }
    public string? Direction { get; set; }
    public string? Order { get; set; }

    /// <summary>The order the page showed, or null when the field was tampered with.</summary>
    public IReadOnlyList<int>? SeenOrder()
    {
        var ids = new List<int>();
        foreach (var part in (Order ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return null;
            }
            ids.Add(id);
        }
        return ids;
    }
}

/// <summary>
/// Staff change the order of a project's activities with "move up" and "move down" buttons (plain forms, no script).
/// A move made from a page that shows an older order is refused, and the page shows the order as it is now.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ManageActivitiesModel(ProjectCatalog projects, ProjectAdministration admin, IStringLocalizer<ProjectAdminText> text) : PageModel
{
    public ProjectView View { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty]
    public MoveForm Move { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
        => await LoadAsync(code, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string code, CancellationToken ct)
    {
        Status = null;
        var direction = Move.Direction switch
        {
            "up" => MoveDirection.Up,
            "down" => MoveDirection.Down,
            _ => (MoveDirection?)null,
        };
        var seen = Move.SeenOrder();
        var outcome = direction is null || seen is null
            ? Outcome.Conflict
            : await admin.MoveActivityAsync(CurrentUser.Actor(User), code, Move.Id, direction.Value, seen, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Success:
                return Redirect($"/{Cultures.Current}/projects/{code}/activities/manage?status=moved#activity-{Bilingual.Id(Move.Id)}");
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                if (!await LoadAsync(code, ct))
                {
                    return NotFound();
                }
                ModelState.AddModelError("", text["OrderConflict"]);
                return Page();
        }
    }

    private async Task<bool> LoadAsync(string code, CancellationToken ct)
    {
        var view = await projects.FindAsync(code, ct);
        if (view is null)
        {
            return false;
        }
        View = view;
        return true;
    }
}
