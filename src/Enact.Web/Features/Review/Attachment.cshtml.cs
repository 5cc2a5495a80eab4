using Enact.Core.Accounts;
using Enact.Core.Review;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace Enact.Web.Features.Review;

/// <summary>Downloads an attachment of a case study under review: staff for any, a reviewer for what is assigned to them.</summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class AttachmentModel(ReviewerDesk desk) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid attachmentId, CancellationToken ct)
    {
        if (CurrentUser.Id(User) is not { } me)
        {
            return Forbid();
        }
        var staff = User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.Editor);
        var found = await desk.OpenAttachmentAsync(attachmentId, me, staff, ct);
        if (found is not { } f)
        {
            return NotFound();
        }
        Response.Headers[HeaderNames.CacheControl] = "private, no-store";
        return File(f.File.Content, f.Attachment.ContentType, f.Attachment.FileName);
    }
}
