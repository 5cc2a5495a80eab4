using System.Globalization;
using System.Security.Claims;
using Enact.Core.Accounts;
using Enact.Core.Email;
using Enact.Core.Submissions;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;

namespace Enact.Web.Features.Submissions;

public static class SubmissionsSetup
{
    /// <summary>The submission template's services.</summary>
    public static IServiceCollection AddSubmissions(this IServiceCollection services)
    {
        services.AddScoped<SubmissionService>();
        services.AddScoped<SubmissionMail>();
        return services;
    }

    /// <summary>
    /// <c>GET /case-studies/files/{attachmentId}</c>: an attachment's stored bytes with the type found from its content,
    /// to the people allowed to see its case study (everyone once it is published). The one address of case-study files,
    /// for the template, the review pages and the public page alike; the rule is <see cref="SubmissionService.GetFileAsync"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapSubmissionFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/case-studies/files/{attachmentId:guid}", async (Guid attachmentId, HttpContext context, SubmissionService submissions, CancellationToken ct) =>
        {
            var who = SubmissionUser.From(context.User);
            var (result, file) = await submissions.GetFileAsync(who, attachmentId, ct);
            if (file is null)
            {
                return result == SubmissionResult.Forbidden
                    ? (who is null ? Results.Challenge() : Results.Forbid())
                    : Results.NotFound();
            }
            var disposition = new ContentDispositionHeaderValue(file.IsImage ? "inline" : "attachment");
            disposition.SetHttpFileName(file.FileName);
            context.Response.Headers.ContentDisposition = disposition.ToString();
            context.Response.Headers.XContentTypeOptions = "nosniff";
            // Private files must not stay in shared caches; published ones may be cached briefly.
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.Bytes(file.Content, file.ContentType);
        });
        return app;
    }
}

/// <summary>The signed-in person as the submission rules need them.</summary>
public static class SubmissionUser
{
    public static Submitter? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            return null;
        }
        var countries = user.FindAll(CountryScopeHandler.CountryClaim).Select(c => c.Value.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        return new Submitter(
            id,
            user.FindFirstValue(ClaimTypes.Email),
            user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Editor),
            user.IsInRole(Roles.FocalPoint),
            countries);
    }
}

/// <summary>Texts of the submission pages that depend on codes: step names, field labels, errors, states.</summary>
public static class SubmissionTexts
{
    public static string Step(IStringLocalizer<SubmissionText> s, SubmissionStep step) => s["Step." + step];

    public static string Status(IStringLocalizer<SubmissionText> s, Core.CaseStudies.CaseStudyStatus status) => s["Status." + status];

    /// <summary>"Title (Arabic)" for "TitleAr"; the plain label for a field without a language.</summary>
    public static string Label(IStringLocalizer<SubmissionText> s, string field)
    {
        if (field.StartsWith("AltText:", StringComparison.Ordinal))
        {
            var language = field.EndsWith(":ar", StringComparison.Ordinal) ? "ar" : "en";
            return $"{s["Field.AltText"]} ({s[language == "ar" ? "Language.Arabic" : "Language.English"]})";
        }
        if (field.Length > 2 && (field.EndsWith("Ar", StringComparison.Ordinal) || field.EndsWith("En", StringComparison.Ordinal))
            && s["Field." + field[..^2]] is { ResourceNotFound: false } baseLabel)
        {
            return $"{baseLabel.Value} ({s[field.EndsWith("Ar", StringComparison.Ordinal) ? "Language.Arabic" : "Language.English"]})";
        }
        return s["Field." + field];
    }

    /// <summary>The id of the control that holds a field, for links from error summaries and the missing list.</summary>
    public static string ControlId(string field)
    {
        if (field.StartsWith("AltText:", StringComparison.Ordinal))
        {
            var parts = field.Split(':');
            return parts.Length == 3 ? $"alt-{parts[1]}-{parts[2]}" : "attachments";
        }
        return field switch
        {
            "Attachments" => "attachments",
            "Upload" => "Upload",
            _ => "Input_" + field,
        };
    }

    public static string Error(IStringLocalizer<SubmissionText> s, FieldError error)
        => s[error.Code, [.. error.Arguments.Select(a => a is int i ? i.ToString("D", CultureInfo.CurrentCulture) : a)]];

    /// <summary>Puts the service's errors into the page's model state, under the keys of the step's input model.</summary>
    public static void AddErrors(ModelStateDictionary state, IStringLocalizer<SubmissionText> s, IEnumerable<FieldError> errors)
    {
        foreach (var error in errors)
        {
            var key = error.Field switch
            {
                "Upload" => "Upload",
                _ when error.Field.StartsWith("AltText:", StringComparison.Ordinal) => "attachments",
                _ => "Input." + error.Field,
            };
            state.AddModelError(key, $"{Label(s, error.Field)}: {Error(s, error)}");
        }
    }

    public static string Date(DateTime utc) => utc.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    public static string Time(DateTime utc) => utc.ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture) + " UTC";
}

/// <summary>E-mails of the submission template (confirmation of a submission, invitation of a co-author), each in the recipient's language.</summary>
public sealed class SubmissionMail(IMailSender sender, IStringLocalizer<SubmissionText> text)
{
    public static string Language(string? code) => Cultures.IsSupported(code) ? code! : Cultures.Arabic;

    public static string Link(HttpRequest request, string culture, string path)
        => $"{request.Scheme}://{request.Host.ToUriComponent()}/{culture}/{path}";

    public async Task SendSubmittedAsync(HttpRequest request, string caseStudyId, string? title, bool answer, IEnumerable<Recipient> recipients, CancellationToken ct = default)
    {
        foreach (var r in recipients)
        {
            var culture = Language(r.Language);
            var kind = answer ? "Answered" : "Submitted";
            await SendAsync(r, culture, $"Mail.{kind}.Subject", $"Mail.{kind}.Body", [title ?? caseStudyId, caseStudyId],
                Link(request, culture, "case-studies/submissions"), "Mail.Submitted.Action", ct);
        }
    }

    public Task SendInvitationAsync(HttpRequest request, string caseStudyId, string? title, string inviter, Recipient r, CancellationToken ct = default)
    {
        var culture = Language(r.Language);
        return SendAsync(r, culture, "Mail.Invitation.Subject", "Mail.Invitation.Body", [inviter, title ?? caseStudyId, r.Email],
            Link(request, culture, $"case-studies/submissions/{caseStudyId}/organisation"), "Mail.Invitation.Action", ct);
    }

    private Task SendAsync(Recipient r, string culture, string subjectKey, string bodyKey, object[] arguments, string link, string actionKey, CancellationToken ct)
        => sender.SendAsync(Compose(r, culture, subjectKey, bodyKey, arguments, link, actionKey), ct);

    private OutgoingMail Compose(Recipient r, string culture, string subjectKey, string bodyKey, object[] arguments, string link, string actionKey)
    {
        using var _ = Cultures.Use(culture);
        return new MailComposer(culture, text[subjectKey, arguments].Value)
            .Paragraph(string.IsNullOrWhiteSpace(r.Name) ? text["Mail.GreetingNoName"].Value : text["Mail.Greeting", r.Name].Value)
            .Paragraph(text[bodyKey, arguments].Value)
            .Link(text[actionKey].Value, link)
            .Paragraph(text["Mail.Signature"].Value)
            .To(r.Email);
    }
}
