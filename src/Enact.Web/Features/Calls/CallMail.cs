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
        using var _ = Cultures.Use(facts.Language);
        var title = Title(facts);
        return Compose(facts, text[day ? "ReminderSubjectDay" : "ReminderSubjectWeek", title].Value,
            text[day ? "ReminderBodyDay" : "ReminderBodyWeek", title, CallTitle(facts), When(deadlineUtc, facts.Call.TimeZone)].Value,
            text["ReminderHelp"].Value);
    }

    public OutgoingMail Extension(CallMailFacts facts, DateTime extendedUntilUtc, string reason)
    {
        ArgumentNullException.ThrowIfNull(facts);
        using var _ = Cultures.Use(facts.Language);
        var title = Title(facts);
        return Compose(facts, text["ExtensionSubject", title].Value,
            text["ExtensionBody", title, CallTitle(facts), When(extendedUntilUtc, facts.Call.TimeZone)].Value,
            text["ExtensionReason", reason].Value);
    }

    private string Title(CallMailFacts facts) => facts.CaseStudyTitle ?? text["UntitledDraft"].Value;

    private static string CallTitle(CallMailFacts facts) => facts.Language == Cultures.English ? facts.Call.TitleEn : facts.Call.TitleAr;

    private string When(DateTime utc, string zone) => $"{CallTimes.Format(utc, zone, text)} {CallTimes.ZoneTime(zone, text)}";

    /// <summary>Greeting, the two paragraphs and the link to the draft; call it inside the recipient's culture.</summary>
    private OutgoingMail Compose(CallMailFacts facts, string subject, string body, string more)
        => new MailComposer(facts.Language, subject)
            .Paragraph(text["MailGreeting", facts.Name].Value)
            .Paragraph(body)
            .Paragraph(more)
            .Link(text["ReminderAction"].Value, facts.Link)
            .To(facts.To);
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
