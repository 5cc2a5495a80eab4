using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ganss.Xss;

namespace Enact.Core.CaseStudies;

/// <summary>A problem with one record of an interchange file: its 1-based position in the array, its id when it has one, and why.</summary>
public sealed record InterchangeError(int Position, string? Id, string Reason)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"record {Position} (id {Id ?? "missing"}): {Reason}");
}

/// <summary>What the validator knows about the installation: the countries and the taxonomy codes.</summary>
public sealed record InterchangeVocabulary(IReadOnlySet<string> Countries, IReadOnlySet<(string Taxonomy, string Code)> Terms, int CurrentYear);

/// <summary>
/// Checks interchange records. Nothing is fixed silently: an unknown code, a country outside the Arab states, a bad
/// year or URL, or text with markup that sanitizing would change is an error.
/// </summary>
public static partial class InterchangeValidator
{
    public const int FirstYear = 1990;

    [GeneratedRegex("^[a-z0-9-]{3,100}$", RegexOptions.CultureInvariant)]
    public static partial Regex IdPattern();

    // A tag, comment or entity-like start; Markdown autolinks (<https://…>) are allowed and skipped below.
    [GeneratedRegex(@"<\s*[a-zA-Z/!?]", RegexOptions.CultureInvariant)]
    private static partial Regex MarkupStart();

    [GeneratedRegex(@"<(https?|mailto):[^\s<>]*>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Autolink();

    /// <summary>Reads a JSON array of records; a record that is not valid JSON for the format is reported, not thrown.</summary>
    public static (List<CaseStudyRecord?> Records, List<InterchangeError> Errors) Read(JsonDocument document)
    {
        var records = new List<CaseStudyRecord?>();
        var errors = new List<InterchangeError>();
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new InterchangeError(0, null, "the file must hold a JSON array of case studies"));
            return (records, errors);
        }
        var position = 0;
        foreach (var element in document.RootElement.EnumerateArray())
        {
            position++;
            try
            {
                records.Add(element.Deserialize<CaseStudyRecord>(InterchangeJson.Options));
                if (records[^1] is null)
                {
                    errors.Add(new InterchangeError(position, null, "the record is null"));
                }
            }
            catch (JsonException ex)
            {
                records.Add(null);
                var id = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
                errors.Add(new InterchangeError(position, id, "not in the interchange format: " + ex.Message));
            }
        }
        return (records, errors);
    }

    /// <summary>Validates every record (positions are 1-based) and the uniqueness of ids in the file.</summary>
    public static List<InterchangeError> Validate(IReadOnlyList<CaseStudyRecord?> records, InterchangeVocabulary vocabulary)
        => Validate(records, vocabulary, CheckTexts(records));

    /// <summary>
    /// As <see cref="Validate(IReadOnlyList{CaseStudyRecord?}, InterchangeVocabulary)"/>, with the texts already checked by
    /// <see cref="CheckTexts(IReadOnlyList{CaseStudyRecord?})"/> (which needs no vocabulary, so it can run before the database is ready).
    /// </summary>
    public static List<InterchangeError> Validate(IReadOnlyList<CaseStudyRecord?> records, InterchangeVocabulary vocabulary, IReadOnlyList<IReadOnlyList<string>> textProblems)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(textProblems);
        if (textProblems.Count != records.Count)
        {
            throw new ArgumentException("One list of text problems per record is expected.", nameof(textProblems));
        }
        var errors = new List<InterchangeError>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record is null)
            {
                continue;
            }
            foreach (var reason in CheckFields(record, vocabulary).Concat(textProblems[i]))
            {
                errors.Add(new InterchangeError(i + 1, record.Id, reason));
            }
            if (record.Id is { } id)
            {
                if (seen.TryGetValue(id, out var first))
                {
                    errors.Add(new InterchangeError(i + 1, id, string.Create(CultureInfo.InvariantCulture, $"id repeats record {first}")));
                }
                else
                {
                    seen[id] = i + 1;
                }
            }
        }
        return errors;
    }

    public static IEnumerable<string> Check(CaseStudyRecord r, InterchangeVocabulary vocabulary, HtmlSanitizer sanitizer)
        => Check(r, vocabulary, () => sanitizer);

    /// <summary>Checks one record; <paramref name="sanitizer"/> is asked for only when a text looks like it holds markup.</summary>
    public static IEnumerable<string> Check(CaseStudyRecord r, InterchangeVocabulary vocabulary, Func<HtmlSanitizer> sanitizer)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(sanitizer);
        return CheckFields(r, vocabulary).Concat(CheckTexts(r, sanitizer));
    }

    /// <summary>
    /// The length and markup of every text of every record, in record order: the costly part of the checks, and the
    /// only one that needs nothing from the database.
    /// </summary>
    public static IReadOnlyList<string>[] CheckTexts(IReadOnlyList<CaseStudyRecord?> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        // Built only when a text holds something that looks like markup: creating one costs more than checking thousands of texts.
        HtmlSanitizer? sanitizer = null;
        HtmlSanitizer Sanitizer() => sanitizer ??= new HtmlSanitizer();
        return records.Select(r => r is null ? [] : (IReadOnlyList<string>)CheckTexts(r, Sanitizer).ToList()).ToArray();
    }

    /// <summary>Everything but the texts' lengths and markup: ids, codes against the vocabulary, years, required fields, links.</summary>
    private static IEnumerable<string> CheckFields(CaseStudyRecord r, InterchangeVocabulary vocabulary)
    {
        if (string.IsNullOrEmpty(r.Id))
        {
            yield return "id is required";
        }
        else if (!IdPattern().IsMatch(r.Id))
        {
            yield return "id must be 3 to 100 characters among a-z, 0-9 and '-'";
        }
        if (string.IsNullOrEmpty(r.Country))
        {
            yield return "country is required";
        }
        else if (!vocabulary.Countries.Contains(r.Country))
        {
            yield return $"country '{r.Country}' is not an Arab state's ISO code";
        }
        if (r.YearLaunched is not { } year)
        {
            yield return "yearLaunched is required";
        }
        else if (year < FirstYear || year > vocabulary.CurrentYear)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"yearLaunched {year} is not between {FirstYear} and {vocabulary.CurrentYear}");
        }
        if (r.LevelOfGovernment is { } level && !Codes.Levels.Contains(level, StringComparer.Ordinal))
        {
            yield return $"levelOfGovernment '{level}' is not one of {string.Join(", ", Codes.Levels)}";
        }
        if (r.OrganisationType is { } type && !Codes.OrganisationTypes.Contains(type, StringComparer.Ordinal))
        {
            yield return $"organisationType '{type}' is not one of {string.Join(", ", Codes.OrganisationTypes)}";
        }
        if (r.OriginalLanguage is { } language && !Codes.Languages.Contains(language, StringComparer.Ordinal))
        {
            yield return $"originalLanguage '{language}' is not ar or en";
        }
        if (r.Status is { } status && status is not (Codes.Published or Codes.Draft))
        {
            yield return $"status '{status}' is not published or draft";
        }
        var titled = Codes.Languages.Where(l => LocalizedText.NullIfBlank(r.Title?.In(l)) is not null).ToList();
        if (titled.Count == 0)
        {
            yield return "title is required in at least one language";
        }
        foreach (var l in titled.Where(l => LocalizedText.NullIfBlank(r.Summary?.In(l)) is null))
        {
            yield return $"summary.{l} is required because title.{l} is given";
        }
        if (r.OriginalLanguage is { } original && Codes.Languages.Contains(original, StringComparer.Ordinal) && !titled.Contains(original, StringComparer.Ordinal))
        {
            yield return $"originalLanguage is {original} but title.{original} is missing";
        }
        foreach (var (taxonomy, code) in InterchangeMapper.TermCodes(r))
        {
            if (!vocabulary.Terms.Contains((taxonomy, code)))
            {
                yield return $"unknown {taxonomy} code '{code}'";
            }
        }
        foreach (var duplicate in InterchangeMapper.TermCodes(r).GroupBy(t => t).Where(g => g.Count() > 1))
        {
            yield return $"{duplicate.Key.Taxonomy} code '{duplicate.Key.Code}' is listed twice";
        }
        if (r.Website is { } website)
        {
            if (!Uri.TryCreate(website, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
            {
                yield return $"website '{website}' is not an absolute http(s) address";
            }
            else if (website.Length > CaseStudy.MaxWebsiteLength)
            {
                yield return string.Create(CultureInfo.InvariantCulture, $"website is longer than {CaseStudy.MaxWebsiteLength} characters");
            }
        }
    }

    private static IEnumerable<string> CheckTexts(CaseStudyRecord r, Func<HtmlSanitizer> sanitizer)
    {
        foreach (var (name, text) in r.Texts())
        {
            foreach (var l in Codes.Languages)
            {
                var value = text?.In(l);
                if (value is null)
                {
                    continue;
                }
                var max = name is "title" ? CaseStudy.MaxTitleLength : name is "organisation" ? CaseStudy.MaxShortTextLength : int.MaxValue;
                if (value.Length > max)
                {
                    yield return string.Create(CultureInfo.InvariantCulture, $"{name}.{l} is longer than {max} characters");
                }
                if (SanitizingChanges(value, sanitizer))
                {
                    yield return $"{name}.{l} holds markup that is not allowed (scripts, event handlers, unknown tags or attributes)";
                }
            }
        }
    }

    /// <summary>True when the text holds markup that the sanitizer would remove or rewrite (entity encoding alone does not count).</summary>
    public static bool SanitizingChanges(string text, HtmlSanitizer sanitizer) => SanitizingChanges(text, () => sanitizer);

    private static bool SanitizingChanges(string text, Func<HtmlSanitizer> sanitizer)
    {
        var candidate = Autolink().Replace(text, "");
        if (!MarkupStart().IsMatch(candidate))
        {
            return false;
        }
        var sanitized = sanitizer().Sanitize(candidate);
        return !string.Equals(Normalize(sanitized), Normalize(candidate), StringComparison.Ordinal);
    }

    private static string Normalize(string html) => WebUtility.HtmlDecode(html).Replace("\r\n", "\n", StringComparison.Ordinal);
}
