using System.Globalization;
using System.Text.Encodings.Web;
using Enact.Core.Email;
using Enact.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Admin.Users;

/// <summary>The invitation e-mail, in the language the administrator chose for the invited person.</summary>
public static class InvitationMail
{
    public static OutgoingMail Compose(IStringLocalizer<AdminText> text, string language, string to, string name, string link)
    {
        var saved = CultureInfo.CurrentUICulture;
        var savedFormat = CultureInfo.CurrentCulture;
        try
        {
            var culture = Cultures.Get(language);
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            var subject = text["InviteMailSubject"].Value;
            var greeting = text["InviteMailGreeting", name].Value;
            var body = text["InviteMailBody"].Value;
            var action = text["InviteMailAction"].Value;
            var ignore = text["InviteMailIgnore"].Value;
            var textBody = $"{greeting}\n\n{body}\n\n{link}\n\n{ignore}\n";
            var html = HtmlEncoder.Default;
            var dir = Cultures.IsRightToLeft(culture) ? "rtl" : "ltr";
            var htmlBody = $"<!DOCTYPE html><html lang=\"{language}\" dir=\"{dir}\"><head><meta charset=\"utf-8\"><title>{html.Encode(subject)}</title></head><body>"
                + $"<p>{html.Encode(greeting)}</p><p>{html.Encode(body)}</p>"
                + $"<p><a href=\"{html.Encode(link)}\">{html.Encode(action)}</a></p>"
                + $"<p>{html.Encode(ignore)}</p></body></html>";
            return new OutgoingMail(to, subject, htmlBody, textBody);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
            CultureInfo.CurrentCulture = savedFormat;
        }
    }
}
