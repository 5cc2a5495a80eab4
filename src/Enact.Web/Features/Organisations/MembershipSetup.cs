using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Encodings.Web;
using Enact.Core.Email;
using Enact.Core.Organisations;
using Enact.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Organisations;

public static class MembershipSetup
{
    /// <summary>Requests to join organisations, the members list, leaving and removal: the service and its e-mails.</summary>
    public static IServiceCollection AddOrganisationMembershipFeature(this IServiceCollection services)
    {
        services.AddScoped<MembershipService>();
        services.AddSingleton<IMembershipMessages, MembershipMail>();
        return services;
    }
}

/// <summary>What a person writes when asking to join an organisation.</summary>
[FeatureTexts(typeof(OrganisationMembershipText))]
public sealed class JoinForm
{
    [MaxLength(OrganisationMembershipRequest.MaxMessageLength, ErrorMessage = "MaxLength")]
    [Display(Name = "Message")]
    public string? Message { get; set; }
}

/// <summary>The e-mail telling a person that their request to join was approved or declined, in their language.</summary>
public sealed class MembershipMail(IStringLocalizer<OrganisationMembershipText> text) : IMembershipMessages
{
    public OutgoingMail Decision(MembershipDecisionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var saved = CultureInfo.CurrentUICulture;
        var savedFormat = CultureInfo.CurrentCulture;
        try
        {
            var culture = Cultures.Get(facts.Language);
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            var subject = text[facts.Approved ? "DecisionMailSubjectApproved" : "DecisionMailSubjectDeclined", facts.OrganisationName].Value;
            var greeting = text["MailGreeting", facts.Name].Value;
            var lead = text[facts.Approved ? "DecisionMailApproved" : "DecisionMailDeclined", facts.OrganisationName].Value;
            var action = text["DecisionMailAction"].Value;
            var textBody = $"{greeting}\n\n{lead}\n\n{action}: {facts.Link}\n";
            var html = HtmlEncoder.Default;
            var dir = Cultures.IsRightToLeft(culture) ? "rtl" : "ltr";
            var htmlBody = $"<!DOCTYPE html><html lang=\"{facts.Language}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{html.Encode(subject)}</title></head><body>"
                + $"<p>{html.Encode(greeting)}</p><p>{html.Encode(lead)}</p>"
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
