using System.ComponentModel.DataAnnotations;
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

/// <summary>The e-mails about requests to join, in the recipient's language: to members when someone asks, to the person when it is decided.</summary>
public sealed class MembershipMail(IStringLocalizer<OrganisationMembershipText> text) : IMembershipMessages
{
    public OutgoingMail Decision(MembershipDecisionFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        using var _ = Cultures.Use(facts.Language);
        var mail = new MailComposer(facts.Language, text[facts.Approved ? "DecisionMailSubjectApproved" : "DecisionMailSubjectDeclined", facts.OrganisationName].Value)
            .Paragraph(text["MailGreeting", facts.Name].Value)
            .Paragraph(text[facts.Approved ? "DecisionMailApproved" : "DecisionMailDeclined", facts.OrganisationName].Value);
        if (!string.IsNullOrWhiteSpace(facts.Reply))
        {
            mail.Quote(text["DecisionMailReply"].Value, facts.Reply);
        }
        return mail.Link(text["DecisionMailAction"].Value, facts.Link).To(facts.To);
    }

    public OutgoingMail Requested(MembershipRequestFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        using var _ = Cultures.Use(facts.Language);
        var mail = new MailComposer(facts.Language, text["RequestMailSubject", facts.RequesterName, facts.OrganisationName].Value)
            .Paragraph(text["MailGreeting", facts.Name].Value)
            .Paragraph(text["RequestMailBody", facts.RequesterName, facts.OrganisationName].Value);
        if (!string.IsNullOrWhiteSpace(facts.Message))
        {
            mail.Quote(text["RequestMailMessage"].Value, facts.Message);
        }
        return mail.Link(text["RequestMailAction"].Value, facts.Link).To(facts.To);
    }
}
