using Enact.Core.Data;
using Enact.Core.News;
using Enact.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Projects;

public sealed record LinkedEvent(string Slug, string TitleAr, string TitleEn, DateTime StartsAt, DateTime EndsAt, string TimeZone);

public sealed record LinkedCall(int Id, string TitleAr, string TitleEn, DateTime OpensAt, DateTime ClosesAt, string TimeZone);

public sealed record ProjectView(Project Project, IReadOnlyList<TaxonomyTerm> Dimensions, IReadOnlyList<ProjectActivity> Activities);

public sealed record ActivityView(
    Project Project,
    ProjectActivity Activity,
    IReadOnlyList<LinkedEvent> Events,
    IReadOnlyList<LinkedCall> Calls,
    IReadOnlyList<NewsSummary> News);

/// <summary>An activity as the editor writes it.</summary>
public sealed record ActivityInput(string? Kind, string? Status, string? TitleAr, string? TitleEn, string? DescriptionAr, string? DescriptionEn);

/// <summary>The project's own texts as the editor writes them.</summary>
public sealed record ProjectInput(
    string? NameAr, string? NameEn, string? LongTitleAr, string? LongTitleEn,
    string? ObjectivesAr, string? ObjectivesEn, string? PartnersAr, string? PartnersEn);

/// <summary>
/// Projects and their activities as the public pages read them. Staff's changes go through <see cref="ProjectAdministration"/>.
/// </summary>
public sealed class ProjectCatalog(EnactDbContext db)
{
    public async Task<ProjectView?> FindAsync(string code, CancellationToken ct = default)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
        if (project is null)
        {
            return null;
        }
        var dimensions = await (from d in db.ProjectDimensions
                                where d.ProjectId == project.Id
                                join t in db.TaxonomyTerms on d.TermId equals t.Id
                                orderby t.SortOrder, t.Id
                                select t).AsNoTracking().ToListAsync(ct);
        var activities = await db.ProjectActivities.AsNoTracking()
            .Where(a => a.ProjectId == project.Id)
            .OrderBy(a => a.Position).ThenBy(a => a.Id)
            .ToListAsync(ct);
        return new ProjectView(project, dimensions, activities);
    }

    /// <summary>An activity of the project <paramref name="code"/> with its events, calls and the news published by <paramref name="now"/>.</summary>
    public async Task<ActivityView?> FindActivityAsync(string code, int id, DateTime now, CancellationToken ct = default)
    {
        var found = await (from a in db.ProjectActivities
                           join p in db.Projects on a.ProjectId equals p.Id
                           where a.Id == id && p.Code == code
                           select new { a, p }).AsNoTracking().FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        var events = await (from l in db.ProjectActivityEvents
                            where l.ActivityId == id
                            join e in db.Events on l.EventId equals e.Id
                            where e.Published
                            orderby e.StartsAt
                            select new LinkedEvent(e.Slug, e.TitleAr, e.TitleEn, e.StartsAt, e.EndsAt, e.TimeZone)).ToListAsync(ct);
        var calls = await (from l in db.ProjectActivityCalls
                           where l.ActivityId == id
                           join c in db.SubmissionCalls on l.CallId equals c.Id
                           orderby c.ClosesAt
                           select new LinkedCall(c.Id, c.TitleAr, c.TitleEn, c.OpensAt, c.ClosesAt, c.TimeZone)).ToListAsync(ct);
        var news = await NewsQueries.Published(db, now).Where(n => n.ActivityId == id).Take(10).Select(NewsQueries.Summary).ToListAsync(ct);
        return new ActivityView(found.p, found.a,
            events.Select(e => e with { StartsAt = Utc(e.StartsAt), EndsAt = Utc(e.EndsAt) }).ToList(),
            calls.Select(c => c with { OpensAt = Utc(c.OpensAt), ClosesAt = Utc(c.ClosesAt) }).ToList(),
            news.Select(n => n with { PublishedAt = Utc(n.PublishedAt) }).ToList());
    }

    /// <summary>Every activity of every project, for editors' choices (the news form).</summary>
    public async Task<IReadOnlyList<(int Id, string Project, string TitleAr, string TitleEn)>> AllActivitiesAsync(CancellationToken ct = default)
    {
        var rows = await (from a in db.ProjectActivities
                          join p in db.Projects on a.ProjectId equals p.Id
                          orderby p.Code, a.Position, a.Id
                          select new { a.Id, p.Code, a.TitleAr, a.TitleEn }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Code, r.TitleAr, r.TitleEn)).ToList();
    }

    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
