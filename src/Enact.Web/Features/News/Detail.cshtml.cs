using Enact.Core.Accounts;
using Enact.Core.Data;
using Enact.Core.News;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Enact.Web.Features.News;

/// <summary>One news item, with links to the project, activity and event it is about. Staff may preview unpublished items.</summary>
public sealed class DetailModel(NewsService news, EnactDbContext db) : PageModel
{
    public NewsItem Item { get; private set; } = null!;
    public (string Code, string NameAr, string NameEn)? Project { get; private set; }
    public (string Code, int Id, string TitleAr, string TitleEn)? Activity { get; private set; }
    public (string Slug, string TitleAr, string TitleEn)? Event { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var staff = User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor);
        var item = await news.FindAsync(slug, staff, ct);
        if (item is null)
        {
            return NotFound();
        }
        Item = item;
        if (item.ProjectId is { } p && await db.Projects.AsNoTracking().Where(x => x.Id == p).Select(x => new { x.Code, x.NameAr, x.NameEn }).FirstOrDefaultAsync(ct) is { } project)
        {
            Project = (project.Code, project.NameAr, project.NameEn);
        }
        if (item.ActivityId is { } a && await (from x in db.ProjectActivities
                                                  join pr in db.Projects on x.ProjectId equals pr.Id
                                                  where x.Id == a
                                                  select new { pr.Code, x.Id, x.TitleAr, x.TitleEn }).AsNoTracking().FirstOrDefaultAsync(ct) is { } activity)
        {
            Activity = (activity.Code, activity.Id, activity.TitleAr, activity.TitleEn);
        }
        if (item.EventId is { } e && await db.Events.AsNoTracking().Where(x => x.Id == e && x.Published).Select(x => new { x.Slug, x.TitleAr, x.TitleEn }).FirstOrDefaultAsync(ct) is { } ev)
        {
            Event = (ev.Slug, ev.TitleAr, ev.TitleEn);
        }
        return Page();
    }
}
