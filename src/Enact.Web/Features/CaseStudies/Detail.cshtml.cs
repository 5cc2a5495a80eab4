using Enact.Core.CaseStudies;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.CaseStudies;

/// <summary>One published case study: every public field, related ones and a suggested citation. 404 for drafts and unknown ids.</summary>
[FeatureTexts(typeof(CaseStudyText))]
public sealed class DetailModel(CaseStudyLibrary library, TimeProvider time) : PageModel
{
    public CaseStudyDetail Detail { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }
    public CaseStudyMaterials Materials { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct)
    {
        var detail = await library.GetDetailAsync(id, Cultures.Current, ct);
        if (detail is null)
        {
            return NotFound();
        }
        Detail = detail;
        Materials = await library.GetMaterialsAsync(id, ct) ?? new CaseStudyMaterials([], [], null, null, null);
        Now = time.GetUtcNow();
        return Page();
    }
}
