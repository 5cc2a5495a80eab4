using System.Globalization;
using Enact.Core.Audit;
using Enact.Core.Data;
using Enact.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Projects;

/// <summary>A project in the list of projects: its names, long titles and how many activities it has.</summary>
public sealed record ProjectListItem(int Id, string Code, string NameAr, string NameEn, string LongTitleAr, string LongTitleEn, int Activities);

/// <summary>The dimensions (terms of the <c>dimension</c> taxonomy) and the SDG numbers an editor ticks for a project.</summary>
public sealed record ProjectClassification(IReadOnlyCollection<int> DimensionTermIds, IReadOnlyCollection<int> Sdgs)
{
    public static readonly ProjectClassification None = new([], []);
}

/// <summary>The events and calls for submissions an editor ticks as belonging to an activity.</summary>
public sealed record ActivityLinks(IReadOnlyCollection<int> EventIds, IReadOnlyCollection<int> CallIds)
{
    public static readonly ActivityLinks None = new([], []);
}

/// <summary>An event an editor may link to an activity (published or not).</summary>
public sealed record EventChoice(int Id, string Slug, string TitleAr, string TitleEn, DateTime StartsAt, DateTime EndsAt, string TimeZone, bool Published);

/// <summary>A call for submissions an editor may link to an activity.</summary>
public sealed record CallChoice(int Id, string TitleAr, string TitleEn, DateTime ClosesAt, string TimeZone);

/// <summary>What the activity form offers: every event and call, and the ones linked to the activity now.</summary>
public sealed record ActivityLinkChoices(IReadOnlyList<EventChoice> Events, IReadOnlyList<CallChoice> Calls, ActivityLinks Linked);

/// <summary>Up or down in the project's list of activities.</summary>
public enum MoveDirection
{
    Up,
    Down,
}

/// <summary>
/// Staff's changes to projects and activities: creating a project (unique code), editing its texts, dimensions and SDGs,
/// adding an activity at a chosen place, moving activities up and down, and editing an activity together with the events
/// and calls that belong to it. Each change is one transaction with its audit entries; a change made from a stale page
/// (another version of the record, another order of the activities) is refused as a conflict.
/// </summary>
public sealed class ProjectAdministration(EnactDbContext db, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Codes that are addresses of pages (<c>/projects/new</c>), so no project may take them.</summary>
    public static readonly IReadOnlyList<string> ReservedCodes = ["new"];

    /// <summary>Every project, oldest (ENACT) first, with its number of activities, in one query.</summary>
    public async Task<IReadOnlyList<ProjectListItem>> ListAsync(CancellationToken ct = default)
        => await db.Projects.AsNoTracking()
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new ProjectListItem(p.Id, p.Code, p.NameAr, p.NameEn, p.LongTitleAr, p.LongTitleEn,
                db.ProjectActivities.Count(a => a.ProjectId == p.Id)))
            .ToListAsync(ct);

    /// <summary>The terms of the <c>dimension</c> taxonomy, in their order, for the project form.</summary>
    public async Task<IReadOnlyList<TaxonomyTerm>> DimensionsAsync(CancellationToken ct = default)
        => await db.TaxonomyTerms.AsNoTracking().Where(t => t.Taxonomy == Taxonomies.Dimension)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Id).ToListAsync(ct);

    /// <summary>The dimension term ids of a project.</summary>
    public async Task<IReadOnlyList<int>> DimensionIdsAsync(int projectId, CancellationToken ct = default)
        => await db.ProjectDimensions.Where(d => d.ProjectId == projectId).Select(d => d.TermId).ToListAsync(ct);

    /// <summary>The code as it is stored: trimmed and in lower case (an editor typing "ENACT-2" means "enact-2").</summary>
    public static string? NormalizeCode(string? code)
        => string.IsNullOrWhiteSpace(code) ? null : code.Trim().ToLowerInvariant();

    /// <summary>The errors of a new project's code: required, at most 64 characters, lower-case letters, digits and single hyphens, not reserved, not taken.</summary>
    public async Task<IReadOnlyList<FieldError>> CheckCodeAsync(string? code, CancellationToken ct = default)
    {
        code = NormalizeCode(code);
        FieldError? error = null;
        if (code is null)
        {
            error = new("Code", "Required");
        }
        else if (code.Length > Project.MaxCodeLength)
        {
            error = new("Code", "TooLong");
        }
        else if (!Texts.IsSlug(code, Project.MaxCodeLength) || code.Contains("--", StringComparison.Ordinal))
        {
            error = new("Code", "CodeInvalid");
        }
        else if (ReservedCodes.Contains(code, StringComparer.Ordinal))
        {
            error = new("Code", "CodeReserved");
        }
        else if (await CodeTakenAsync(code, ct))
        {
            error = new("Code", "CodeTaken");
        }
        return error is null ? [] : [error];
    }

    public async Task<Outcome> CreateProjectAsync(AuditActor actor, string? code, ProjectInput input, ProjectClassification classification, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(classification);
        var errors = (await CheckCodeAsync(code, ct)).ToList();
        code = NormalizeCode(code);
        var values = ValidateTexts(input, errors);
        var (dimensions, sdgs) = await ValidateClassificationAsync(classification, errors, ct);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var project = new Project
        {
            Code = code!,
            NameAr = values[0]!,
            NameEn = values[1]!,
            LongTitleAr = values[2]!,
            LongTitleEn = values[3]!,
            ObjectivesAr = values[4],
            ObjectivesEn = values[5],
            PartnersAr = values[6],
            PartnersEn = values[7],
            Sdgs = sdgs,
            CreatedAt = now,
            UpdatedAt = now,
        };
        project.Dimensions.AddRange(dimensions.Select(id => new ProjectDimension { TermId = id }));
        db.Projects.Add(project);
        audit.Record(actor, "project.created", nameof(Project), code!, after: Snapshot(project, dimensions));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another editor created a project with this code between our check and our insert: the unique index refused ours.
            db.ChangeTracker.Clear();
            if (await CodeTakenAsync(code!, ct))
            {
                return Outcome.Invalid("Code", "CodeTaken");
            }
            throw;
        }
        return Outcome.Ok(project.Id);
    }

    public async Task<Outcome> UpdateProjectAsync(AuditActor actor, string code, Guid version, ProjectInput input, ProjectClassification classification, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(classification);
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Code == code, ct);
        if (project is null)
        {
            return Outcome.NotFound;
        }
        if (project.Version != version)
        {
            return Outcome.Conflict;
        }
        var errors = new List<FieldError>();
        var values = ValidateTexts(input, errors);
        var (dimensions, sdgs) = await ValidateClassificationAsync(classification, errors, ct);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Compare and set: the row changes only if nobody saved it since the editor opened the form; it stays locked to us until commit.
        var changed = await db.Projects.Where(p => p.Id == project.Id && p.Version == version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(p => p.NameAr, values[0]!)
                .SetProperty(p => p.NameEn, values[1]!)
                .SetProperty(p => p.LongTitleAr, values[2]!)
                .SetProperty(p => p.LongTitleEn, values[3]!)
                .SetProperty(p => p.ObjectivesAr, values[4])
                .SetProperty(p => p.ObjectivesEn, values[5])
                .SetProperty(p => p.PartnersAr, values[6])
                .SetProperty(p => p.PartnersEn, values[7])
                .SetProperty(p => p.Sdgs, sdgs)
                .SetProperty(p => p.UpdatedAt, now)
                .SetProperty(p => p.Version, Guid.NewGuid()), ct);
        if (changed == 0)
        {
            return Outcome.Conflict;
        }
        var before = await db.ProjectDimensions.Where(d => d.ProjectId == project.Id).ToListAsync(ct);
        db.ProjectDimensions.RemoveRange(before.Where(d => !dimensions.Contains(d.TermId)));
        db.ProjectDimensions.AddRange(dimensions.Where(id => before.All(d => d.TermId != id)).Select(id => new ProjectDimension { ProjectId = project.Id, TermId = id }));
        var after = new Project
        {
            Code = project.Code, NameAr = values[0]!, NameEn = values[1]!, LongTitleAr = values[2]!, LongTitleEn = values[3]!,
            ObjectivesAr = values[4], ObjectivesEn = values[5], PartnersAr = values[6], PartnersEn = values[7], Sdgs = sdgs,
        };
        audit.Record(actor, "project.updated", nameof(Project), code,
            Snapshot(project, before.Select(d => d.TermId).Order().ToList()), Snapshot(after, dimensions));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(project.Id);
    }

    /// <summary>
    /// Adds an activity to the project <paramref name="code"/>: at the end, or just before the activity <paramref name="beforeId"/>.
    /// </summary>
    public async Task<Outcome> AddActivityAsync(AuditActor actor, string code, ActivityInput input, int? beforeId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        var projectId = await db.Projects.Where(p => p.Code == code).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (projectId is null)
        {
            return Outcome.NotFound;
        }
        var errors = new List<FieldError>();
        var values = ValidateActivity(input, errors);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockProjectAsync(projectId.Value, now, ct);
        var order = await OrderAsync(projectId.Value, ct);
        var index = beforeId is { } b ? order.FindIndex(a => a.Id == b) : order.Count;
        if (index < 0)
        {
            // The activity chosen as the place was deleted or belongs to another project.
            return Outcome.Invalid("Before", "ChoiceInvalid");
        }
        await RenumberAsync(order, order.Select(a => a.Id).ToList(), gapAt: index, ct);
        var activity = new ProjectActivity
        {
            ProjectId = projectId.Value,
            Position = index + 1,
            Kind = values.Kind,
            Status = values.Status,
            TitleAr = values.TitleAr,
            TitleEn = values.TitleEn,
            DescriptionAr = values.DescriptionAr,
            DescriptionEn = values.DescriptionEn,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ProjectActivities.Add(activity);
        await db.SaveChangesAsync(ct);
        audit.Record(actor, "activity.created", nameof(ProjectActivity), activity.Id.ToString(CultureInfo.InvariantCulture),
            after: new { Project = code, activity.Position, values.Kind, values.Status, values.TitleAr, values.TitleEn, values.DescriptionAr, values.DescriptionEn });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(activity.Id);
    }

    /// <summary>The activities' ids of a project in their order (the editor's page sends it back with a move).</summary>
    public async Task<IReadOnlyList<int>> ActivityOrderAsync(string code, CancellationToken ct = default)
        => await (from a in db.ProjectActivities
                  join p in db.Projects on a.ProjectId equals p.Id
                  where p.Code == code
                  orderby a.Position, a.Id
                  select a.Id).ToListAsync(ct);

    /// <summary>
    /// Moves an activity one place up or down. <paramref name="seenOrder"/> is the order the editor saw: when the
    /// activities were reordered, added or removed since, the move is a conflict (the editor sees the new order first).
    /// </summary>
    public async Task<Outcome> MoveActivityAsync(AuditActor actor, string code, int id, MoveDirection direction, IReadOnlyList<int> seenOrder, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(seenOrder);
        var projectId = await db.Projects.Where(p => p.Code == code).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (projectId is null)
        {
            return Outcome.NotFound;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Serializes changes of this project's order: a concurrent move waits here, then reads the order we leave.
        await LockProjectAsync(projectId.Value, now, ct);
        var order = await OrderAsync(projectId.Value, ct);
        var index = order.FindIndex(a => a.Id == id);
        if (index < 0 || !order.Select(a => a.Id).SequenceEqual(seenOrder))
        {
            // Reordered, added or removed since the editor's page was drawn (or the activity is not this project's).
            return Outcome.Conflict;
        }
        var target = direction == MoveDirection.Up ? index - 1 : index + 1;
        if (target < 0 || target >= order.Count)
        {
            // Already first (or last): nothing to do.
            return Outcome.Ok(id);
        }
        var moved = order.ToList();
        (moved[index], moved[target]) = (moved[target], moved[index]);
        await RenumberAsync(order, moved.Select(a => a.Id).ToList(), gapAt: null, ct);
        audit.Record(actor, "activities.reordered", nameof(Project), code,
            new { Order = order.Select(a => a.Id).ToList() }, new { Order = moved.Select(a => a.Id).ToList(), Moved = id, Direction = direction.ToString() });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(id);
    }

    /// <summary>Every event and call, newest first, and the ones linked to the activity <paramref name="activityId"/>.</summary>
    public async Task<ActivityLinkChoices> LinkChoicesAsync(int activityId, CancellationToken ct = default)
    {
        var events = await db.Events.AsNoTracking()
            .OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id)
            .Select(e => new EventChoice(e.Id, e.Slug, e.TitleAr, e.TitleEn, e.StartsAt, e.EndsAt, e.TimeZone, e.Published))
            .ToListAsync(ct);
        var calls = await db.SubmissionCalls.AsNoTracking()
            .OrderByDescending(c => c.ClosesAt).ThenBy(c => c.Id)
            .Select(c => new CallChoice(c.Id, c.TitleAr, c.TitleEn, c.ClosesAt, c.TimeZone))
            .ToListAsync(ct);
        return new ActivityLinkChoices(
            events.Select(e => e with { StartsAt = ProjectCatalog.Utc(e.StartsAt), EndsAt = ProjectCatalog.Utc(e.EndsAt) }).ToList(),
            calls.Select(c => c with { ClosesAt = ProjectCatalog.Utc(c.ClosesAt) }).ToList(),
            await LinkedAsync(activityId, ct));
    }

    /// <summary>
    /// Saves an activity's kind, status and texts together with the events and calls that belong to it, in one
    /// transaction, if the activity is still at <paramref name="version"/>; audited as "activity.updated" and, when the
    /// links changed, "activity.links-updated".
    /// </summary>
    public async Task<Outcome> SaveActivityAsync(AuditActor actor, string code, int id, Guid version, ActivityInput input, ActivityLinks links, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(links);
        var activity = await (from a in db.ProjectActivities
                              join p in db.Projects on a.ProjectId equals p.Id
                              where a.Id == id && p.Code == code
                              select a).AsNoTracking().FirstOrDefaultAsync(ct);
        if (activity is null)
        {
            return Outcome.NotFound;
        }
        if (activity.Version != version)
        {
            return Outcome.Conflict;
        }
        var errors = new List<FieldError>();
        var values = ValidateActivity(input, errors);
        var eventIds = links.EventIds.Distinct().Order().ToList();
        var callIds = links.CallIds.Distinct().Order().ToList();
        if (eventIds.Count > 0 && await db.Events.CountAsync(e => eventIds.Contains(e.Id), ct) != eventIds.Count)
        {
            errors.Add(new("EventIds", "ChoiceInvalid"));
        }
        if (callIds.Count > 0 && await db.SubmissionCalls.CountAsync(c => callIds.Contains(c.Id), ct) != callIds.Count)
        {
            errors.Add(new("CallIds", "ChoiceInvalid"));
        }
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Compare and set on the activity row first: it holds the row until commit, so a concurrent save of this
        // activity (texts or links) waits for us and then finds another version.
        var changed = await db.ProjectActivities.Where(a => a.Id == id && a.Version == version)
            .ExecuteUpdateAsync(s => s
                .SetProperty(a => a.Kind, values.Kind)
                .SetProperty(a => a.Status, values.Status)
                .SetProperty(a => a.TitleAr, values.TitleAr)
                .SetProperty(a => a.TitleEn, values.TitleEn)
                .SetProperty(a => a.DescriptionAr, values.DescriptionAr)
                .SetProperty(a => a.DescriptionEn, values.DescriptionEn)
                .SetProperty(a => a.UpdatedAt, now)
                .SetProperty(a => a.Version, Guid.NewGuid()), ct);
        if (changed == 0)
        {
            return Outcome.Conflict;
        }
        var linkedEvents = await db.ProjectActivityEvents.Where(l => l.ActivityId == id).ToListAsync(ct);
        var linkedCalls = await db.ProjectActivityCalls.Where(l => l.ActivityId == id).ToListAsync(ct);
        db.ProjectActivityEvents.RemoveRange(linkedEvents.Where(l => !eventIds.Contains(l.EventId)));
        db.ProjectActivityEvents.AddRange(eventIds.Where(e => linkedEvents.All(l => l.EventId != e)).Select(e => new ProjectActivityEvent { ActivityId = id, EventId = e }));
        db.ProjectActivityCalls.RemoveRange(linkedCalls.Where(l => !callIds.Contains(l.CallId)));
        db.ProjectActivityCalls.AddRange(callIds.Where(c => linkedCalls.All(l => l.CallId != c)).Select(c => new ProjectActivityCall { ActivityId = id, CallId = c }));

        var entityId = id.ToString(CultureInfo.InvariantCulture);
        audit.Record(actor, "activity.updated", nameof(ProjectActivity), entityId,
            new { activity.Kind, activity.Status, activity.TitleAr, activity.TitleEn, activity.DescriptionAr, activity.DescriptionEn },
            new { values.Kind, values.Status, values.TitleAr, values.TitleEn, values.DescriptionAr, values.DescriptionEn });
        var eventsBefore = linkedEvents.Select(l => l.EventId).Order().ToList();
        var callsBefore = linkedCalls.Select(l => l.CallId).Order().ToList();
        if (!eventsBefore.SequenceEqual(eventIds) || !callsBefore.SequenceEqual(callIds))
        {
            audit.Record(actor, "activity.links-updated", nameof(ProjectActivity), entityId,
                new { Events = eventsBefore, Calls = callsBefore }, new { Events = eventIds, Calls = callIds });
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome.Ok(id);
    }

    /// <summary>The ids of the events and calls linked to an activity now.</summary>
    public async Task<ActivityLinks> LinkedAsync(int activityId, CancellationToken ct = default)
        => new(
            await db.ProjectActivityEvents.Where(l => l.ActivityId == activityId).Select(l => l.EventId).ToListAsync(ct),
            await db.ProjectActivityCalls.Where(l => l.ActivityId == activityId).Select(l => l.CallId).ToListAsync(ct));

    private sealed record ActivityValues(string Kind, string Status, string TitleAr, string TitleEn, string? DescriptionAr, string? DescriptionEn);

    private sealed record Slot(int Id, int Position);

    private static ActivityValues ValidateActivity(ActivityInput input, List<FieldError> errors)
    {
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
        return new ActivityValues(input.Kind ?? "", input.Status ?? "", titleAr ?? "", titleEn ?? "", descriptionAr, descriptionEn);
    }

    private static string?[] ValidateTexts(ProjectInput input, List<FieldError> errors)
    {
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
        return values;
    }

    /// <summary>The dimension ids (known terms of the taxonomy) and the SDGs as stored ("16,17"), adding an error for anything else.</summary>
    private async Task<(List<int> Dimensions, string Sdgs)> ValidateClassificationAsync(ProjectClassification classification, List<FieldError> errors, CancellationToken ct)
    {
        var dimensions = classification.DimensionTermIds.Distinct().Order().ToList();
        if (dimensions.Count > 0)
        {
            var known = await db.TaxonomyTerms.CountAsync(t => t.Taxonomy == Taxonomies.Dimension && dimensions.Contains(t.Id), ct);
            if (known != dimensions.Count)
            {
                errors.Add(new("DimensionIds", "ChoiceInvalid"));
            }
        }
        var sdgs = classification.Sdgs.Distinct().Order().ToList();
        if (sdgs.Any(n => n is < 1 or > 17))
        {
            errors.Add(new("Sdgs", "ChoiceInvalid"));
        }
        return (dimensions, string.Join(',', sdgs.Select(n => n.ToString(CultureInfo.InvariantCulture))));
    }

    private Task<bool> CodeTakenAsync(string code, CancellationToken ct) => db.Projects.AsNoTracking().AnyAsync(p => p.Code == code, ct);

    /// <summary>Takes the project's row for this transaction (its <c>UpdatedAt</c> moves; its <c>Version</c>, the texts' token, does not).</summary>
    private Task<int> LockProjectAsync(int projectId, DateTime now, CancellationToken ct)
        => db.Projects.Where(p => p.Id == projectId).ExecuteUpdateAsync(s => s.SetProperty(p => p.UpdatedAt, now), ct);

    private async Task<List<Slot>> OrderAsync(int projectId, CancellationToken ct)
        => await db.ProjectActivities.Where(a => a.ProjectId == projectId)
            .OrderBy(a => a.Position).ThenBy(a => a.Id)
            .Select(a => new Slot(a.Id, a.Position))
            .ToListAsync(ct);

    /// <summary>
    /// Gives the activities <paramref name="wanted"/> the positions 1, 2, 3… in that order, leaving a free place at
    /// index <paramref name="gapAt"/> (for a new activity). Only rows whose position changes are written, without touching
    /// their <c>Version</c>: a new order does not conflict with an edit of an activity's texts.
    /// </summary>
    private async Task RenumberAsync(List<Slot> current, List<int> wanted, int? gapAt, CancellationToken ct)
    {
        for (var i = 0; i < wanted.Count; i++)
        {
            var position = i + 1 + (gapAt is { } gap && i >= gap ? 1 : 0);
            var id = wanted[i];
            if (current.First(s => s.Id == id).Position != position)
            {
                await db.ProjectActivities.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Position, position), ct);
            }
        }
    }

    private static object Snapshot(Project p, IReadOnlyList<int> dimensions)
        => new { p.Code, p.NameAr, p.NameEn, p.LongTitleAr, p.LongTitleEn, p.ObjectivesAr, p.ObjectivesEn, p.PartnersAr, p.PartnersEn, p.Sdgs, Dimensions = dimensions };
}
