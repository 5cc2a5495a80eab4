using Enact.Core.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Enact.Core.Email;

public sealed record OutgoingMail(string To, string Subject, string HtmlBody, string TextBody)
{
    /// <summary>Files sent with the message (for example an event's .ics).</summary>
    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

/// <summary>A file attached to an outgoing message.</summary>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

public interface IMailSender
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default);
}

/// <summary>Sends through SMTP (MailKit) when configured; otherwise writes each message to data/mail as an .eml file.</summary>
public sealed partial class MailSender(IOptions<EmailOptions> options, DataDirectory data, TimeProvider clock, ILogger<MailSender> logger) : IMailSender
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        var o = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(MailboxAddress.Parse(mail.To));
        message.Subject = mail.Subject;
        message.Date = clock.GetUtcNow();
        var body = new BodyBuilder { HtmlBody = mail.HtmlBody, TextBody = mail.TextBody };
        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }
        message.Body = body.ToMessageBody();

        if (string.IsNullOrWhiteSpace(o.SmtpHost))
        {
            var name = $"{clock.GetUtcNow():yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml";
            var path = Path.Combine(data.MailPath, name);
            await message.WriteToAsync(path, cancellationToken);
            LogWritten(logger, name);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(o.SmtpHost, o.SmtpPort, o.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(o.UserName))
        {
            await client.AuthenticateAsync(o.UserName, o.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        LogSent(logger, o.SmtpHost);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP server configured: message written to outgoing-mail folder as {FileName}")]
    private static partial void LogWritten(ILogger logger, string fileName);

    [LoggerMessage(Level = LogLevel.Information, Message = "Message sent through SMTP server {Host}")]
    private static partial void LogSent(ILogger logger, string host);
}

/// <summary>Reads the outgoing-mail folder for the administrators' page.</summary>
public sealed class MailFolder(DataDirectory data)
{
    public sealed record Item(string FileName, DateTimeOffset Date, string To, string Subject);

    public IReadOnlyList<Item> List(int max = 200)
    {
        var dir = new DirectoryInfo(data.MailPath);
        if (!dir.Exists)
        {
            return [];
        }
        return dir.EnumerateFiles("*.eml")
            .OrderByDescending(f => f.Name, StringComparer.Ordinal)
            .Take(max)
            .Select(f =>
            {
                using var stream = f.OpenRead();
                var m = MimeMessage.Load(stream);
                return new Item(f.Name, m.Date, string.Join(", ", m.To.Mailboxes.Select(x => x.Address)), m.Subject ?? "");
            })
            .ToList();
    }

    /// <summary>Loads one message by its file name; null when the name is not a message in the folder.</summary>
    public MimeMessage? Load(string fileName)
    {
        if (fileName.Contains('/', StringComparison.Ordinal) || fileName.Contains('\\', StringComparison.Ordinal)
            || !fileName.EndsWith(".eml", StringComparison.Ordinal))
        {
            return null;
        }
        var path = Path.Combine(data.MailPath, fileName);
        return File.Exists(path) ? MimeMessage.Load(path) : null;
    }
}
