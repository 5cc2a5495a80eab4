using System.Globalization;
using System.Text;
using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.Email;
using Enact.Web.Localization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Account;

/// <summary>Tokens travel in links as Base64Url of their UTF-8 bytes.</summary>
public static class AccountTokens
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token, or null when the code is not valid Base64Url.</summary>
    public static string? Decode(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return null;
        }
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static AuditActor Actor(EnactUser user) => new(user.Id, user.Email);

    /// <summary>"/ar/" or the local return URL; anything else (another site, "//host") falls back to the home page.</summary>
    public static string SafeReturnUrl(Microsoft.AspNetCore.Mvc.IUrlHelper url, string? returnUrl)
        => !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : $"/{Cultures.Current}/";

    /// <summary>Removes spaces and hyphens people type inside codes.</summary>
    public static string CleanCode(string? code)
        => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}

/// <summary>The e-mails of the account pages, each in the person's language, with a plain-text and an HTML body.</summary>
public sealed class AccountMail(IMailSender sender, IStringLocalizer<AccountText> text)
{
    public enum Kind
    {
        ConfirmEmail,
        AlreadyRegistered,
        ResetPassword,
    }

    /// <summary>Absolute link on this site: "{scheme}://{host}/{culture}/account/{page}?{query}".</summary>
    public static string Link(HttpRequest request, string culture, string page, string query)
        => $"{request.Scheme}://{request.Host.ToUriComponent()}/{culture}/account/{page}?{query}";

    /// <summary>The person's language for e-mails and links ("ar" when unknown).</summary>
    public static string LanguageOf(EnactUser user) => Cultures.IsSupported(user.PreferredLanguage) ? user.PreferredLanguage : Cultures.Arabic;

    public static string UserQuery(EnactUser user, string token)
        => "userId=" + user.Id.ToString("D", CultureInfo.InvariantCulture) + "&code=" + AccountTokens.Encode(token);

    public Task SendAsync(EnactUser user, string culture, Kind kind, string link, CancellationToken ct = default)
        => sender.SendAsync(Compose(user, culture, kind, link), ct);

    private OutgoingMail Compose(EnactUser user, string culture, Kind kind, string link)
    {
        ArgumentNullException.ThrowIfNull(user);
        using var _ = Cultures.Use(culture);
        return new MailComposer(culture, text[$"Mail.{kind}.Subject"].Value)
            .Paragraph(text["Mail.Greeting", user.DisplayName].Value)
            .Paragraph(text[$"Mail.{kind}.Body"].Value)
            .Link(text[$"Mail.{kind}.Action"].Value, link)
            .Paragraph(text["Mail.Ignore"].Value)
            .Paragraph(text["Mail.Signature"].Value)
            .To(user.Email!);
    }
}

/// <summary>Account events for the logs: identifiers only, never e-mail addresses or names.</summary>
public static partial class AccountLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} registered")]
    public static partial void Registered(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Registration attempted for an existing account {UserId}")]
    public static partial void RegisteredAgain(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} signed in")]
    public static partial void SignedIn(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Account {UserId} locked out after failed sign-ins")]
    public static partial void LockedOut(ILogger logger, Guid userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Failed sign-in attempt")]
    public static partial void SignInFailed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId} signed out")]
    public static partial void SignedOut(ILogger logger, Guid? userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Account {UserId}: {Action}")]
    public static partial void Changed(ILogger logger, Guid userId, string action);
}
