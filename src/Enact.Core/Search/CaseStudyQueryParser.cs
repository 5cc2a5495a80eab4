using System.Globalization;
using Enact.Core.CaseStudies;
using Enact.Core.Reference;
using Microsoft.AspNetCore.Http;

namespace Enact.Core.Search;

/// <summary>
/// Reads a library search from URL query parameters (the API's and, later, the library page's, so any view can be
/// shared): q, lang, sort, page, pageSize and the facets, each of which may repeat. Every problem is reported by name.
/// </summary>
public static class CaseStudyQueryParser
{
    public const int MaxQueryLength = 500;

    private static readonly string[] Scalars = ["q", "lang", "sort", "page", "pageSize"];

    private static readonly HashSet<string> CountryCodes = ReferenceData.Countries.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);

    private static readonly Dictionary<string, HashSet<string>> TermCodes = Taxonomies.All.ToDictionary(
        t => t,
        t => ReferenceData.Terms.Where(term => string.Equals(term.Taxonomy, t, StringComparison.Ordinal)).Select(term => term.Code).ToHashSet(StringComparer.Ordinal),
        StringComparer.Ordinal);

    public static bool TryParse(IQueryCollection parameters, out CaseStudyQuery query, out Dictionary<string, string[]> errors)
    {
        errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var problems = errors;
        void Fail(string name, string message) => problems[name] = [.. problems.GetValueOrDefault(name, []), message];

        foreach (var key in parameters.Keys)
        {
            if (!Scalars.Contains(key, StringComparer.Ordinal) && !CaseStudyFields.Facets.Contains(key, StringComparer.Ordinal))
            {
                Fail(key, $"Unknown parameter '{key}'. Known: {string.Join(", ", Scalars.Concat(CaseStudyFields.Facets))}.");
            }
        }
        string? Single(string name)
        {
            var values = parameters[name];
            if (values.Count > 1)
            {
                Fail(name, $"'{name}' may be given once.");
            }
            return values.Count == 0 ? null : values[0];
        }

        var text = Single("q");
        if (text is { Length: > MaxQueryLength })
        {
            Fail("q", string.Create(CultureInfo.InvariantCulture, $"'q' is longer than {MaxQueryLength} characters."));
        }
        var language = Single("lang") ?? "ar";
        if (!Codes.Languages.Contains(language, StringComparer.Ordinal))
        {
            Fail("lang", "'lang' is ar or en.");
        }
        SearchSort? sort = Single("sort") switch
        {
            null => null,
            "relevance" => SearchSort.Relevance,
            "newest" => SearchSort.Newest,
            _ => Invalid(() => Fail("sort", "'sort' is relevance or newest.")),
        };
        var page = Number("page", 1, 1, int.MaxValue);
        var pageSize = Number("pageSize", 20, 1, CaseStudyQuery.MaxPageSize);
        if ((long)page * pageSize > CaseStudyQuery.MaxWindow && !problems.ContainsKey("page"))
        {
            Fail("page", string.Create(CultureInfo.InvariantCulture, $"page × pageSize may be at most {CaseStudyQuery.MaxWindow}; narrow the search instead."));
        }

        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var facet in CaseStudyFields.Facets)
        {
            var values = parameters[facet];
            if (values.Count == 0)
            {
                continue;
            }
            var accepted = new List<string>();
            foreach (var raw in values)
            {
                var value = facet == "country" ? raw?.ToUpperInvariant() : raw;
                if (string.IsNullOrEmpty(value) || !IsKnown(facet, value))
                {
                    Fail(facet, $"'{raw}' is not a known {facet} code.");
                }
                else
                {
                    accepted.Add(value);
                }
            }
            filters[facet] = accepted;
        }

        query = new CaseStudyQuery
        {
            Text = text,
            Language = language,
            Sort = sort,
            Page = page,
            PageSize = pageSize,
            Filters = filters,
        };
        return errors.Count == 0;

        int Number(string name, int fallback, int min, int max)
        {
            var raw = Single(name);
            if (raw is null)
            {
                return fallback;
            }
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                Fail(name, max == int.MaxValue
                    ? string.Create(CultureInfo.InvariantCulture, $"'{name}' is a whole number from {min}.")
                    : string.Create(CultureInfo.InvariantCulture, $"'{name}' is a whole number from {min} to {max}."));
                return fallback;
            }
            return value;
        }
    }

    private static SearchSort? Invalid(Action fail)
    {
        fail();
        return null;
    }

    private static bool IsKnown(string facet, string value) => facet switch
    {
        "country" => CountryCodes.Contains(value),
        "level" => Codes.Levels.Contains(value, StringComparer.Ordinal),
        "year" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= InterchangeValidator.FirstYear && year <= 2100,
        _ => TermCodes.TryGetValue(facet, out var codes) && codes.Contains(value),
    };
}
