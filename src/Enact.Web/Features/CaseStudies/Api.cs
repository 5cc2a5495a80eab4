using Enact.Core.CaseStudies;
using Enact.Core.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Enact.Web.Features.CaseStudies;

/// <summary>The open data API: search the library, read one published case study (interchange format).</summary>
public static class Api
{
    public static IEndpointRouteBuilder MapCaseStudiesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/v1/case-studies").WithTags("Case studies");

        group.MapGet("/", Search)
            .WithName("SearchCaseStudies")
            .WithSummary("Search published case studies in Arabic and English, with facet counts.")
            .WithDescription("Parameters may repeat: values of one facet are OR-ed, facets are AND-ed. Facet counts of a filtered facet ignore its own filter.");

        group.MapGet("/{id}", Get)
            .WithName("GetCaseStudy")
            .WithSummary("One published case study in the interchange format.");
        return endpoints;
    }

    /// <param name="context">The request (parameters are read and validated from its query string).</param>
    /// <param name="library">The library service.</param>
    /// <param name="q">Words to find, in Arabic or English (query syntax allowed).</param>
    /// <param name="lang">ar or en: the language of the query and of the highlights.</param>
    /// <param name="country">ISO alpha-2 code of an Arab state (repeatable).</param>
    /// <param name="technology">Technology code (repeatable).</param>
    /// <param name="dimension">ENACT dimension code (repeatable).</param>
    /// <param name="sdg">SDG target, e.g. 16.6 (repeatable).</param>
    /// <param name="sector">Sector code (repeatable).</param>
    /// <param name="beneficiary">Beneficiary group code (repeatable).</param>
    /// <param name="year">Year launched (repeatable).</param>
    /// <param name="level">Level of government: national, regional, local, other (repeatable).</param>
    /// <param name="sort">relevance (default with q) or newest.</param>
    /// <param name="page">Page number, from 1.</param>
    /// <param name="pageSize">Results per page, 1 to 100 (default 20).</param>
#pragma warning disable IDE0060 // The bound parameters document the API in OpenAPI; the query string is validated as a whole.
    private static Results<JsonHttpResult<CaseStudySearchResult>, ValidationProblem> Search(
        HttpContext context,
        CaseStudyLibrary library,
        string? q = null,
        string? lang = null,
        string[]? country = null,
        string[]? technology = null,
        string[]? dimension = null,
        string[]? sdg = null,
        string[]? sector = null,
        string[]? beneficiary = null,
        string[]? year = null,
        string[]? level = null,
        string? sort = null,
        string? page = null,
        string? pageSize = null)
#pragma warning restore IDE0060
    {
        if (!CaseStudyQueryParser.TryParse(context.Request.Query, out var query, out var errors))
        {
            return TypedResults.ValidationProblem(errors, title: "The search parameters are not valid.");
        }
        return TypedResults.Json(library.Search(query), CaseStudyApiJson.Options);
    }

    private static async Task<Results<JsonHttpResult<CaseStudyRecord>, NotFound>> Get(string id, CaseStudyLibrary library, CancellationToken cancellationToken)
    {
        var record = await library.GetPublishedAsync(id, cancellationToken);
        return record is null ? TypedResults.NotFound() : TypedResults.Json(record, InterchangeJson.Options);
    }
}
