using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Review;

/// <summary>
/// The former address of reviewers' downloads, kept for links already sent or bookmarked: a case study's files have
/// one address, <c>/case-studies/files/{id}</c>, where one rule decides who may have them.
/// </summary>
[AllowAnonymous]
public sealed class AttachmentModel : PageModel
{
    public IActionResult OnGet(Guid attachmentId) => RedirectPermanent($"/case-studies/files/{attachmentId:D}");
}
