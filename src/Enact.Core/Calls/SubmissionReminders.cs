using Enact.Core.CaseStudies;
using Enact.Core.Data;
using Enact.Core.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Enact.Core.Calls;

/// <summary>Settings under "Calls".</summary>
public sealed class CallOptions
{
    public const string Section = "Calls";

    /// <summary>Minutes between two reminder runs of each instance; 0 turns the reminder worker off.</summary>
    public int ReminderPollMinutes { get; set; } = 5;
}

/// <summary>
/// Deadline reminders to owners of unfinished drafts (draft or changes requested) of an open call: one a week before the
/// effective deadline (the call's closing, or the draft's own extension when it is later) and one a day before.
/// </summary>
/// <remarks>
/// Each reminder goes once, whichever instance and however many runs: a run first claims it by inserting its
/// <see cref="SubmissionReminder"/> row with <c>ON CONFLICT DO NOTHING</c> against the unique index
/// (case study, call, kind), and sends only when its own insert added the row. A draft first seen less than a day before
/// its deadline gets only the day reminder. When sending fails the claim is removed, so a later run tries again.
/// </remarks>
public sealed partial class SubmissionReminderService(
    EnactDbContext db,
    IMailSender mail,
    ICallMessages messages,
    IOptions<EnactOptions> options,
    ILogger<SubmissionReminderService> logger)
{
    public static readonly TimeSpan WeekBefore = TimeSpan.FromDays(7);
    public static readonly TimeSpan DayBefore = TimeSpan.FromDays(1);

    /// <summary>Sends the reminders due at <paramref name="now"/> (UTC); returns how many this call sent.</summary>
    public async Task<int> SendDueRemindersAsync(DateTime now, CancellationToken ct = default)
    {
        now = CallTime.AsUtc(now);
        var horizon = now + WeekBefore;
        var candidates = await (from cs in db.CaseStudies.AsNoTracking()
                                join call in db.SubmissionCalls.AsNoTracking() on cs.CallId equals call.Id
                                join owner in db.Users.AsNoTracking() on cs.OwnerId equals owner.Id
                                where (cs.Status == CaseStudyStatus.Draft || cs.Status == CaseStudyStatus.ChangesRequested)
                                      && cs.RevisionOfId == null
                                      && owner.IsActive && owner.Email != null
                                      && call.OpensAt <= now
                                      && ((call.ClosesAt > now && call.ClosesAt <= horizon)
                                          || (cs.ExtendedUntil != null && cs.ExtendedUntil > now && cs.ExtendedUntil <= horizon))
                                select new { cs.Id, cs.TitleAr, cs.TitleEn, cs.ExtendedUntil, Call = call, owner.Email, owner.DisplayName, owner.PreferredLanguage })
            .ToListAsync(ct);
        if (candidates.Count == 0)
        {
            return 0;
        }
        var ids = candidates.Select(c => c.Id).Distinct().ToList();
        var claimed = (await db.SubmissionReminders.AsNoTracking()
                .Where(r => ids.Contains(r.CaseStudyId))
                .Select(r => new { r.CaseStudyId, r.CallId, r.Kind })
                .ToListAsync(ct))
            .Select(r => (r.CaseStudyId, r.CallId, r.Kind))
            .ToHashSet();

        var baseUrl = options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured : "http://localhost:5000";
        var sent = 0;
        foreach (var c in candidates)
        {
            var closes = CallTime.AsUtc(c.Call.ClosesAt);
            var deadline = c.ExtendedUntil is { } x && CallTime.AsUtc(x) > closes ? CallTime.AsUtc(x) : closes;
            if (deadline <= now || deadline > horizon)
            {
                continue;
            }
            var kind = deadline - now <= DayBefore ? SubmissionReminder.DayBefore : SubmissionReminder.WeekBefore;
            if (claimed.Contains((c.Id, c.Call.Id, kind)) || !await ClaimAsync(c.Id, c.Call.Id, kind, now, ct))
            {
                continue;
            }
            var language = CallLinks.LanguageOf(c.PreferredLanguage);
            var title = language == "en" ? c.TitleEn ?? c.TitleAr : c.TitleAr ?? c.TitleEn;
            var facts = new CallMailFacts(c.Email!, c.DisplayName, language, c.Call, c.Id, title, CallLinks.Draft(baseUrl, language, c.Id));
            try
            {
                await mail.SendAsync(messages.Reminder(facts, kind, deadline), ct);
                sent++;
                LogSent(logger, kind, c.Id);
            }
#pragma warning disable CA1031 // One failed message must not stop the others; the claim is released so a later run retries.
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex, kind, c.Id);
                await db.SubmissionReminders
                    .Where(r => r.CaseStudyId == c.Id && r.CallId == c.Call.Id && r.Kind == kind)
                    .ExecuteDeleteAsync(CancellationToken.None);
            }
        }
        return sent;
    }

    /// <summary>Inserts the reminder's row unless it exists; true only for the run whose insert added it.</summary>
    private async Task<bool> ClaimAsync(string caseStudyId, int callId, string kind, DateTime now, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(SubmissionReminder))!;
        var table = entity.GetTableName();
        // Both SQLite and PostgreSQL understand ON CONFLICT DO NOTHING: a concurrent duplicate is skipped, not an error.
        var sql = $"INSERT INTO \"{table}\" (\"{nameof(SubmissionReminder.CaseStudyId)}\", \"{nameof(SubmissionReminder.CallId)}\", \"{nameof(SubmissionReminder.Kind)}\", \"{nameof(SubmissionReminder.SentAt)}\") "
            + "VALUES ({0}, {1}, {2}, {3}) ON CONFLICT DO NOTHING";
        var rows = await db.Database.ExecuteSqlRawAsync(sql, [caseStudyId, callId, kind, now], ct);
        return rows == 1;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deadline reminder ({Kind}) sent for case study {CaseStudyId}")]
    private static partial void LogSent(ILogger logger, string kind, string caseStudyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline reminder ({Kind}) for case study {CaseStudyId} could not be sent; it will be retried")]
    private static partial void LogFailed(ILogger logger, Exception exception, string kind, string caseStudyId);
}

/// <summary>Runs <see cref="SubmissionReminderService.SendDueRemindersAsync"/> every few minutes in every instance.</summary>
public sealed partial class SubmissionReminderWorker(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<CallOptions> options,
    ILogger<SubmissionReminderWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = options.Value.ReminderPollMinutes;
        if (minutes <= 0)
        {
            return;
        }
        var interval = TimeSpan.FromMinutes(minutes);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Waiting first leaves the start of an instance to migrations and the search index.
                await Task.Delay(interval, clock, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<SubmissionReminderService>()
                    .SendDueRemindersAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The worker must survive a database that is briefly unreachable; the error is logged and retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending deadline reminders failed; retrying at the next run")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

public static class CallsServices
{
    /// <summary>Calls for submissions: the editors' service and the reminder worker. The web project supplies <see cref="ICallMessages"/>.</summary>
    public static IServiceCollection AddCalls(this IServiceCollection services)
    {
        services.AddOptions<CallOptions>().BindConfiguration(CallOptions.Section);
        services.AddScoped<CallService>();
        services.AddScoped<SubmissionReminderService>();
        services.AddHostedService<SubmissionReminderWorker>();
        return services;
    }
}
