using Enact.Core.Email;
using Enact.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Admin.Users;

/// <summary>The invitation e-mail, in the language the administrator chose for the invited person.</summary>
public static class InvitationMail
{
    public static OutgoingMail Compose(IStringLocalizer<AdminText> text, string language, string to, string name, string link)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var _ = Cultures.Use(language);
        return new MailComposer(language, text["InviteMailSubject"].Value)
            .Paragraph(text["InviteMailGreeting", name].Value)
            .Paragraph(text["InviteMailBody"].Value)
            .Link(text["InviteMailAction"].Value, link)
            .Paragraph(text["InviteMailIgnore"].Value)
            .To(to);
    }
}
