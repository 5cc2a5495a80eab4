using System.Globalization;
using System.Text.Encodings.Web;
using Enact.Core.Data;
using Enact.Core.Email;
using Enact.Core.Review;
using Enact.Web.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Enact.Web.Features.Review;

/// <summary>
/// The review e-mails, each in the recipient's language, with a plain-text and an HTML body: to the owner and co-authors
/// at each change of state (with the editors' reason and a link to their submission page), and to an assigned reviewer.
/// </summary>
public sealed class ReviewMail(
    IMailSender sender,
    IStringLocalizer<ReviewText> text,
    HtmlEncoder html,
    IHttpContextAccessor http,
    IOptions<EnactOptions> options) : IReviewNotifier
{
    public Task StatusChangedAsync(StatusNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var code = CaseStudyWorkflow.StatusCode(notice.Status);
        var link = $"{BaseUrl()}/{notice.Language}/case-studies/submissions/{Uri.EscapeDataString(notice.CaseStudyId)}";
        var mail = Compose(notice.Language, notice.To, () =>
        {
            var title = notice.Title ?? notice.CaseStudyId;
            var state = text["Status." + code].Value;
            var paragraphs = new List<string> { text["Mail.Status.Body", title, state].Value };
            var explain = text["Mail.Explain." + code];
            if (!explain.ResourceNotFound)
            {
                paragraphs.Add(explain.Value);
            }
            if (notice.Reason is not null)
            {
                paragraphs.Add(text["Mail.Reason", notice.Reason].Value);
            }
            return (text["Mail.Status.Subject", title, state].Value, notice.Name, paragraphs, text["Mail.Status.Action"].Value, link);
        });
        return sender.SendAsync(mail, cancellationToken);
    }

    public Task ReviewerAssignedAsync(AssignmentNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var link = $"{BaseUrl()}/{notice.Language}/review/assignments/{notice.AssignmentId:D}";
        var mail = Compose(notice.Language, notice.To, () =>
        {
            var title = notice.Title ?? notice.CaseStudyId;
            return (text["Mail.Assigned.Subject", title].Value, notice.Name, new List<string> { text["Mail.Assigned.Body", title].Value },
                text["Mail.Assigned.Action"].Value, link);
        });
        return sender.SendAsync(mail, cancellationToken);
    }

    private OutgoingMail Compose(string language, string to, Func<(string Subject, string Name, List<string> Paragraphs, string Action, string Link)> content)
    {
        var previous = CultureInfo.CurrentUICulture;
        var previousCulture = CultureInfo.CurrentCulture;
        try
        {
            var culture = Cultures.Get(language);
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            var (subject, name, paragraphs, action, link) = content();
            var greeting = text["Mail.Greeting", name].Value;
            var signature = text["Mail.Signature"].Value;
            var dir = Cultures.IsRightToLeft(culture) ? "rtl" : "ltr";
            var textBody = $"{greeting}\n\n{string.Join("\n\n", paragraphs)}\n\n{action}\n{link}\n\n{signature}\n";
            var htmlBody = $"<!DOCTYPE html><html lang=\"{language}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{html.Encode(subject)}</title></head><body>"
                + $"<p>{html.Encode(greeting)}</p>"
                + string.Concat(paragraphs.Select(p => $"<p>{html.Encode(p)}</p>"))
                + $"<p><a href=\"{html.Encode(link)}\">{html.Encode(action)}</a></p>"
                + $"<p>{html.Encode(signature)}</p></body></html>";
            return new OutgoingMail(to, subject, htmlBody, textBody);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
            CultureInfo.CurrentCulture = previousCulture;
        }
    }

    /// <summary>This site's address: the request's, else the configured public address.</summary>
    private string BaseUrl()
    {
        var request = http.HttpContext?.Request;
        if (request is not null && request.Host.HasValue)
        {
            return $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase}";
        }
        return (options.Value.PublicBaseUrl ?? "http://localhost").TrimEnd('/');
    }
}

public static class ReviewRegistration
{
    /// <summary>Review to publication: the core services and their e-mails.</summary>
    public static IServiceCollection AddReviewFeature(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped<IReviewNotifier, ReviewMail>();
        services.AddScoped<PublicationHistory>();
        return services.AddReview();
    }
}
