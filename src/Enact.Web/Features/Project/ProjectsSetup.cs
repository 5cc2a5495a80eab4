using System.Globalization;
using Enact.Core.Email;
using Enact.Core.News;
using Enact.Core.Organisations;
using Enact.Core.Projects;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Project;

public static class ProjectsSetup
{
    /// <summary>Projects and activities, news, organisations and offers to collaborate: their services and e-mails.</summary>
    public static IServiceCollection AddProjectsFeature(this IServiceCollection services)
    {
        services.AddScoped<ProjectCatalog>();
        services.AddScoped<ProjectAdministration>();
        services.AddScoped<NewsService>();
        services.AddScoped<OrganisationDirectory>();
        services.AddScoped<CollaborationService>();
        services.AddSingleton<ICollaborationMessages, CollaborationMail>();
        return services;
    }
}

/// <summary>Texts stored per language: the reader's language first, the other one when it is missing.</summary>
public static class Bilingual
{
    public static (string? Text, string Lang) Pick(string? ar, string? en, string? culture = null)
    {
        culture ??= Cultures.Current;
        return culture == Cultures.English
            ? (en ?? ar, en is null && ar is not null ? Cultures.Arabic : Cultures.English)
            : (ar ?? en, ar is null && en is not null ? Cultures.English : Cultures.Arabic);
    }

    public static string Dir(string lang) => lang == Cultures.Arabic ? "rtl" : "ltr";

    public static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}

public static class FeatureErrors
{
    /// <summary>Puts the service's errors on their fields (<paramref name="prefix"/> + field), each with the field's localized name.</summary>
    public static void Add(ModelStateDictionary modelState, IEnumerable<FieldError> errors, IStringLocalizer text, IStringLocalizer<SharedText> shared, string prefix = "Input.")
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(shared);
        foreach (var error in errors)
        {
            var field = error.Field.Length == 0 ? "" : text[error.Field].Value;
            var message = text[error.Key, field];
            if (message.ResourceNotFound)
            {
                message = shared[error.Key, field];
            }
            modelState.AddModelError(error.Field.Length == 0 ? "" : prefix + error.Field, message.Value);
        }
    }
}

/// <summary>The e-mail telling a person the editor's answer to their offer, in their language.</summary>
public sealed class CollaborationMail(IStringLocalizer<OrganisationText> text) : ICollaborationMessages
{
    public OutgoingMail Answer(OfferAnswerFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        using var _ = Cultures.Use(facts.Language);
        return new MailComposer(facts.Language, text[facts.Accepted ? "AnswerMailSubjectAccepted" : "AnswerMailSubjectDeclined", facts.ActivityTitle].Value)
            .Paragraph(text["MailGreeting", facts.Name].Value)
            .Paragraph(text[facts.Accepted ? "AnswerMailAccepted" : "AnswerMailDeclined", facts.OrganisationName, facts.ActivityTitle].Value)
            .Quote(text["AnswerMailMessage"].Value, facts.Answer)
            .Link(text["AnswerMailAction"].Value, facts.Link)
            .To(facts.To);
    }
}
