using System.Globalization;
using Enact.Core.Audit;
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
/// Projects and their activities: the public pages read them; staff edit a project's texts and an activity's kind,
/// status and texts, each change checked against the version the editor saw and recorded in the audit trail.
/// </summary>
public sealed class ProjectCatalog(EnactDbContext db, AuditTrail audit, TimeProvider clock)
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

    public async Task<Outcome> UpdateActivityAsync(AuditActor actor, string code, int id, Guid version, ActivityInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var activity = await (from a in db.ProjectActivities
                              join p in db.Projects on a.ProjectId equals p.Id
                              where a.Id == id && p.Code == code
                              select a).FirstOrDefaultAsync(ct);
        if (activity is null)
        {
            return Outcome.NotFound;
        }
        if (activity.Version != version)
        {
            return Outcome.Conflict;
        }
        var errors = new List<FieldError>();
        var titleAr = Texts.Clean(input.TitleAr);
        var titleEn = Texts.Clean(input.TitleEn);
        var descriptionAr = Texts.Clean(input.DescriptionAr);
        var descriptionEn = Texts.Clean(input.DescriptionEn);
        if (!ActivityKinds.IsKnown(input.Kind))
        {
            errors.Add(new("Kind", "ChoiceInvalid"));
        }
        if (!ActivityStatuses.IsKnown(input.Status))
        {
            errors.Add(new("Status", "ChoiceInvalid"));
        }
        Texts.Check(errors, "TitleAr", titleAr, ProjectActivity.MaxTitleLength, required: true);
        Texts.Check(errors, "TitleEn", titleEn, ProjectActivity.MaxTitleLength, required: true);
        Texts.Check(errors, "DescriptionAr", descriptionAr, Project.MaxLongText, required: false);
        Texts.Check(errors, "DescriptionEn", descriptionEn, Project.MaxLongText, required: false);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var before = Snapshot(activity);
        activity.Kind = input.Kind!;
        activity.Status = input.Status!;
        activity.TitleAr = titleAr!;
        activity.TitleEn = titleEn!;
        activity.DescriptionAr = descriptionAr;
        activity.DescriptionEn = descriptionEn;
        activity.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "activity.updated", nameof(ProjectActivity), id.ToString(CultureInfo.InvariantCulture), before, Snapshot(activity));
        return await SaveAsync(id, ct);
    }

    public async Task<Outcome> UpdateProjectAsync(AuditActor actor, string code, Guid version, ProjectInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Code == code, ct);
        if (project is null)
        {
            return Outcome.NotFound;
        }
        if (project.Version != version)
        {
            return Outcome.Conflict;
        }
        var errors = new List<FieldError>();
        var values = new[] { input.NameAr, input.NameEn, input.LongTitleAr, input.LongTitleEn, input.ObjectivesAr, input.ObjectivesEn, input.PartnersAr, input.PartnersEn }
            .Select(Texts.Clean).ToArray();
        Texts.Check(errors, "NameAr", values[0], Project.MaxNameLength, required: true);
        Texts.Check(errors, "NameEn", values[1], Project.MaxNameLength, required: true);
        Texts.Check(errors, "LongTitleAr", values[2], Project.MaxLongTitleLength, required: true);
        Texts.Check(errors, "LongTitleEn", values[3], Project.MaxLongTitleLength, required: true);
        Texts.Check(errors, "ObjectivesAr", values[4], Project.MaxLongText, required: false);
        Texts.Check(errors, "ObjectivesEn", values[5], Project.MaxLongText, required: false);
        Texts.Check(errors, "PartnersAr", values[6], Project.MaxLongText, required: false);
        Texts.Check(errors, "PartnersEn", values[7], Project.MaxLongText, required: false);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var before = new { project.NameAr, project.NameEn, project.LongTitleAr, project.LongTitleEn, project.ObjectivesAr, project.ObjectivesEn, project.PartnersAr, project.PartnersEn };
        project.NameAr = values[0]!;
        project.NameEn = values[1]!;
        project.LongTitleAr = values[2]!;
        project.LongTitleEn = values[3]!;
        project.ObjectivesAr = values[4];
        project.ObjectivesEn = values[5];
        project.PartnersAr = values[6];
        project.PartnersEn = values[7];
        project.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Record(actor, "project.updated", nameof(Project), code, before,
            new { project.NameAr, project.NameEn, project.LongTitleAr, project.LongTitleEn, project.ObjectivesAr, project.ObjectivesEn, project.PartnersAr, project.PartnersEn });
        return await SaveAsync(project.Id, ct);
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

    private async Task<Outcome> SaveAsync(int id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between our read and our write: the version in the WHERE clause no longer matched.
            return Outcome.Conflict;
        }
        return Outcome.Ok(id);
    }

    private static object Snapshot(ProjectActivity a) => new { a.Kind, a.Status, a.TitleAr, a.TitleEn, a.DescriptionAr, a.DescriptionEn };

    internal static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
