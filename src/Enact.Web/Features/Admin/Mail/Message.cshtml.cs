using Enact.Core.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MimeKit;

namespace Enact.Web.Features.Admin.Mail;

/// <summary>One message of the outgoing-mail folder: its headers and text body, never its HTML rendered.</summary>
public sealed class MessageModel(MailFolder folder) : PageModel
{
    public string FileName { get; private set; } = "";
    public string From { get; private set; } = "";
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public DateTimeOffset Date { get; private set; }
    public string? TextBody { get; private set; }

    public IActionResult OnGet(string fileName)
    {
        var message = folder.Load(fileName);
        if (message is null)
        {
            return NotFound();
        }
        FileName = fileName;
        From = string.Join(", ", message.From.Mailboxes.Select(Describe));
        To = string.Join(", ", message.To.Mailboxes.Select(Describe));
        Subject = message.Subject ?? "";
        Date = message.Date;
        TextBody = message.TextBody;
        return Page();
    }

    private static string Describe(MailboxAddress box)
        => string.IsNullOrEmpty(box.Name) ? box.Address : $"{box.Name} <{box.Address}>";
}
