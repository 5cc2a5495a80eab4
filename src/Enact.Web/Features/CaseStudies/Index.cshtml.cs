using Enact.Core.CaseStudies;
using Enact.Core.Search;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.CaseStudies;

/// <summary>The library: search, facets, map, results. Every view is a GET URL; bad parameters are reported, not thrown.</summary>
[FeatureTexts(typeof(CaseStudyText))]
public sealed class IndexModel(CaseStudyLibrary library) : PageModel
{
    public CaseStudyQuery Query { get; private set; } = new();
    public LibraryView? View { get; private set; }
    /// <summary>Names of the parameters that could not be read.</summary>
    public IReadOnlyList<string> Invalid { get; private set; } = [];

    public int PageCount => View is null ? 0 : (int)Math.Min(
        (View.Result.Total + (long)Query.PageSize - 1) / Query.PageSize,
        CaseStudyQuery.MaxWindow / Query.PageSize);

    public bool IsSelected(string facet, string value)
        => Query.Filters.TryGetValue(facet, out var values) && values.Contains(value, StringComparer.Ordinal);

    /// <summary>A facet's values with counts, and the selected values that no longer match anything (so they can be unchecked).</summary>
    public IReadOnlyList<FacetCount> Values(string facet)
    {
        var counts = View?.Result.Facets.GetValueOrDefault(facet) ?? [];
        var selected = Query.Filters.GetValueOrDefault(facet) ?? [];
        return [.. counts, .. selected.Where(s => !counts.Any(c => string.Equals(c.Value, s, StringComparison.Ordinal))).Select(s => new FacetCount(s, 0))];
    }

    public void OnGet()
    {
        var ok = CaseStudyQueryParser.TryParse(Request.Query, out var query, out var errors);
        // The page's language is the query's and the highlights'; a "lang" in the URL does not change it.
        Query = query with { Language = Cultures.Current };
        if (!ok)
        {
            Invalid = [.. errors.Keys.Order(StringComparer.Ordinal)];
            if (errors.ContainsKey("page") || errors.ContainsKey("pageSize"))
            {
                Query = Query with { Page = 1, PageSize = 20 };
            }
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        View = library.Browse(Query);
    }
}
