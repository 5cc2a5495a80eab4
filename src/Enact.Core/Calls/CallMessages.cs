using Enact.Core.Email;

namespace Enact.Core.Calls;

/// <summary>What a call e-mail is about: the recipient (in their language), the call, the submission and a link to it.</summary>
public sealed record CallMailFacts(
    string To,
    string Name,
    string Language,
    SubmissionCall Call,
    string CaseStudyId,
    string? CaseStudyTitle,
    string Link);

/// <summary>
/// Writes the e-mails of calls in the recipient's language. The texts live with the web pages (resources), so the web
/// project implements this; the services here decide when a message goes and to whom.
/// </summary>
public interface ICallMessages
{
    /// <summary>A reminder that the deadline of an unfinished draft is <paramref name="kind"/> away (<see cref="SubmissionReminder.WeekBefore"/> or <see cref="SubmissionReminder.DayBefore"/>).</summary>
    OutgoingMail Reminder(CallMailFacts facts, string kind, DateTime deadlineUtc);

    /// <summary>An editor granted this submission more time.</summary>
    OutgoingMail Extension(CallMailFacts facts, DateTime extendedUntilUtc, string reason);
}

/// <summary>Links in e-mails: the owner's draft in their language.</summary>
public static class CallLinks
{
    public static string Draft(string baseUrl, string language, string caseStudyId)
        => $"{baseUrl.TrimEnd('/')}/{language}/case-studies/submissions/{Uri.EscapeDataString(caseStudyId)}";

    public static string LanguageOf(string? preferred) => preferred is "en" ? "en" : "ar";
}
