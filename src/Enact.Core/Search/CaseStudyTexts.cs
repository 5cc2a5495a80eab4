using System.Text.Json;
using Enact.Core.CaseStudies;

namespace Enact.Core.Search;

/// <summary>
/// The texts of the index's text fields, taken from the interchange record: <see cref="CaseStudyDocument"/> indexes
/// them and the highlighter reads the same ones back from the stored JSON (<see cref="FromJson"/>), so the offsets of
/// the term vectors always match the text.
/// </summary>
public sealed class CaseStudyTexts
{
    /// <summary>The parts of the body, in order (description first, replication last).</summary>
    private static readonly string[] BodyParts =
    [
        "description", "problem", "innovation", "results", "lessonsLearned", "partners", "fundingAndSustainability",
        "changeManagement", "challenges", "conditionsForSuccess", "replication",
    ];

    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    /// <summary>The text of <paramref name="field"/> (one of <see cref="CaseStudyFields.ArabicText"/> or <see cref="CaseStudyFields.EnglishText"/>), null when blank.</summary>
    public string? Get(string field) => _texts.GetValueOrDefault(field);

    public static CaseStudyTexts Of(CaseStudyRecord record)
    {
        var texts = new CaseStudyTexts();
        foreach (var language in Codes.Languages)
        {
            texts.Set(CaseStudyFields.Title(language), record.Title?.In(language));
            texts.Set(CaseStudyFields.Summary(language), record.Summary?.In(language));
            texts.Set(CaseStudyFields.Organisation(language), record.Organisation?.In(language));
            texts.Set(CaseStudyFields.Body(language), Join(record.Texts()
                .Where(t => BodyParts.Contains(t.Name, StringComparer.Ordinal))
                .OrderBy(t => Array.IndexOf(BodyParts, t.Name))
                .Select(t => t.Text?.In(language))));
        }
        return texts;
    }

    /// <summary>The same texts as <see cref="Of"/> gives for the record this JSON holds, read without building the record.</summary>
    public static CaseStudyTexts FromJson(ReadOnlySpan<byte> json) => FromJson(json, null, body: true);

    /// <summary>
    /// Like <see cref="FromJson(ReadOnlySpan{byte})"/>, reading only one language's texts (all when
    /// <paramref name="language"/> is null) and the body parts only when <paramref name="body"/> is set: the highlighter
    /// asks for the body when the summary has no match, so most hits never decode it.
    /// </summary>
    public static CaseStudyTexts FromJson(ReadOnlySpan<byte> json, string? language, bool body)
    {
        var wantAr = language is null or "ar";
        var wantEn = language is null or "en";
        var found = new Dictionary<string, (string? Ar, string? En)>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(json);
        reader.Read(); // {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.StartObject || !IsText(name) || (!body && IsBody(name)))
            {
                reader.Skip();
                continue;
            }
            string? ar = null, en = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isAr = reader.ValueTextEquals("ar"u8);
                var isEn = !isAr && reader.ValueTextEquals("en"u8);
                reader.Read();
                if (reader.TokenType == JsonTokenType.String)
                {
                    if (isAr && wantAr)
                    {
                        ar = reader.GetString();
                    }
                    else if (isEn && wantEn)
                    {
                        en = reader.GetString();
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            found[name] = (ar, en);
        }
        var texts = new CaseStudyTexts();
        foreach (var code in Codes.Languages)
        {
            string? In(string name) => found.TryGetValue(name, out var t) ? (code == "en" ? t.En : t.Ar) : null;
            texts.Set(CaseStudyFields.Title(code), In("title"));
            texts.Set(CaseStudyFields.Summary(code), In("summary"));
            texts.Set(CaseStudyFields.Organisation(code), In("organisation"));
            if (body)
            {
                texts.Set(CaseStudyFields.Body(code), Join(BodyParts.Select(In)));
            }
        }
        return texts;
    }

    private static bool IsBody(string name) => BodyParts.Contains(name, StringComparer.Ordinal);

    private static bool IsText(string name)
        => name is "title" or "summary" or "organisation" || BodyParts.Contains(name, StringComparer.Ordinal);

    private void Set(string field, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            _texts[field] = text;
        }
    }

    private static string Join(IEnumerable<string?> parts) => string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
}
