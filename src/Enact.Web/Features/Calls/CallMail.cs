using System.Globalization;
using System.Text.Encodings.Web;
using Enact.Core.Calls;
using Enact.Core.Email;
using Enact.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Calls;

/// <summary>The e-mails of calls (deadline reminders, extensions), in the recipient's language, dates in the call's zone.</summary>
public sealed class CallMail(IStringLocalizer<CallText> text) : ICallMessages
{
    public OutgoingMail Reminder(CallMailFacts facts, string kind, DateTime deadlineUtc)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var day = kind == SubmissionReminder.DayBefore;
        return Compose(facts, () =>
        {
            var title = Title(facts);
            var deadline = When(deadlineUtc, facts.Call.TimeZone);
            return (
                text[day ? "ReminderSubjectDay" : "ReminderSubjectWeek", title].Value,
                [text[day ? "ReminderBodyDay" : "ReminderBodyWeek", title, CallTitle(facts), deadline].Value, text["ReminderHelp"].Value],
                text["ReminderAction"].Value);
        });
    }

    public OutgoingMail Extension(CallMailFacts facts, DateTime extendedUntilUtc, string reason)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return Compose(facts, () =>
        {
            var title = Title(facts);
            return (
                text["ExtensionSubject", title].Value,
                [text["ExtensionBody", title, CallTitle(facts), When(extendedUntilUtc, facts.Call.TimeZone)].Value, text["ExtensionReason", reason].Value],
                text["ReminderAction"].Value);
        });
    }

    private string Title(CallMailFacts facts) => facts.CaseStudyTitle ?? text["UntitledDraft"].Value;

    private static string CallTitle(CallMailFacts facts) => facts.Language == Cultures.English ? facts.Call.TitleEn : facts.Call.TitleAr;

    private string When(DateTime utc, string zone) => $"{CallTimes.Format(utc, zone, text)} {CallTimes.ZoneTime(zone, text)}";

    /// <summary>Builds the message with the recipient's culture as the current one, then restores the request's.</summary>
    private OutgoingMail Compose(CallMailFacts facts, Func<(string Subject, string[] Paragraphs, string Action)> write)
    {
        var saved = CultureInfo.CurrentUICulture;
        var savedFormat = CultureInfo.CurrentCulture;
        try
        {
            var culture = Cultures.Get(facts.Language);
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            var (subject, paragraphs, action) = write();
            var greeting = text["MailGreeting", facts.Name].Value;
            var textBody = $"{greeting}\n\n{string.Join("\n\n", paragraphs)}\n\n{action}: {facts.Link}\n";
            var html = HtmlEncoder.Default;
            var dir = Cultures.IsRightToLeft(culture) ? "rtl" : "ltr";
            var htmlBody = $"<!DOCTYPE html><html lang=\"{facts.Language}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{html.Encode(subject)}</title></head><body>"
                + $"<p>{html.Encode(greeting)}</p>"
                + string.Concat(paragraphs.Select(p => $"<p>{html.Encode(p)}</p>"))
                + $"<p><a href=\"{html.Encode(facts.Link)}\">{html.Encode(action)}</a></p></body></html>";
            return new OutgoingMail(facts.To, subject, htmlBody, textBody);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
            CultureInfo.CurrentCulture = savedFormat;
        }
    }
}

public static class CallsSetup
{
    /// <summary>The calls feature: its core services, the reminder worker and the e-mails written here.</summary>
    public static IServiceCollection AddCallPages(this IServiceCollection services)
    {
        services.AddCalls();
        services.AddSingleton<ICallMessages, CallMail>();
        return services;
    }
}
