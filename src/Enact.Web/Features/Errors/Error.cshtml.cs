using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Errors;

/// <summary>Localized error pages: the status code is kept, and the language is that of the failed request's URL.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    private static readonly int[] Known = [403, 404, 429, 500];

    public int Code { get; private set; }
    public string TitleKey => Known.Contains(Code) ? "ErrorTitle" + Code.ToString(CultureInfo.InvariantCulture) : "ErrorTitleOther";
    public string TextKey => Known.Contains(Code) ? "ErrorText" + Code.ToString(CultureInfo.InvariantCulture) : "ErrorTextOther";

    public void OnGet(int code) => Show(code);

    public void OnPost(int code) => Show(code);

    private void Show(int code)
    {
        Code = code is >= 400 and <= 599 ? code : 404;
        // A direct visit to /error/403 answers with that status too, so crawlers never index an error as a page.
        Response.StatusCode = Code;
    }
}
