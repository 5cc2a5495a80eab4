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
    IHttpContextAccessor http,
    IOptions<EnactOptions> options) : IReviewNotifier
{
    public Task StatusChangedAsync(StatusNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var code = CaseStudyWorkflow.StatusCode(notice.Status);
        var link = $"{BaseUrl()}/{notice.Language}/case-studies/submissions/{Uri.EscapeDataString(notice.CaseStudyId)}";
        OutgoingMail mail;
        using (Cultures.Use(notice.Language))
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
            mail = Compose(notice.Language, notice.To, text["Mail.Status.Subject", title, state].Value, notice.Name, paragraphs,
                text["Mail.Status.Action"].Value, link);
        }
        return sender.SendAsync(mail, cancellationToken);
    }

    public Task ReviewerAssignedAsync(AssignmentNotice notice, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var link = $"{BaseUrl()}/{notice.Language}/review/assignments/{notice.AssignmentId:D}";
        OutgoingMail mail;
        using (Cultures.Use(notice.Language))
        {
            var title = notice.Title ?? notice.CaseStudyId;
            mail = Compose(notice.Language, notice.To, text["Mail.Assigned.Subject", title].Value, notice.Name, [text["Mail.Assigned.Body", title].Value],
                text["Mail.Assigned.Action"].Value, link);
        }
        return sender.SendAsync(mail, cancellationToken);
    }

    /// <summary>Greeting, paragraphs, link and signature; call it inside the recipient's culture.</summary>
    private OutgoingMail Compose(string language, string to, string subject, string name, IEnumerable<string> paragraphs, string action, string link)
        => new MailComposer(language, subject)
            .Paragraph(text["Mail.Greeting", name].Value)
            .Paragraphs(paragraphs)
            .Link(action, link)
            .Paragraph(text["Mail.Signature"].Value)
            .To(to);

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
