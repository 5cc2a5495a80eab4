using Enact.Core.Email;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Admin.Mail;

/// <summary>The outgoing-mail folder: how administrators read mail when no SMTP server is configured.</summary>
public sealed class IndexModel(MailFolder folder) : PageModel
{
    public IReadOnlyList<MailFolder.Item> Messages { get; private set; } = [];

    public void OnGet() => Messages = folder.List();
}
