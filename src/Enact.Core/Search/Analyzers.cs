using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.CharFilters;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Enact.Core.Search;

/// <summary>
/// Arabic text analysis: a character map (Persian yeh and keheh to Arabic, alef wasla to alef, Arabic-Indic and
/// Eastern Arabic-Indic digits to 0–9, dagger alef removed) before <see cref="ArabicAnalyzer"/>'s chain: standard
/// tokenizer, lower case, Arabic stop words, <see cref="ArabicNormalizationFilter"/> (hamza forms of alef, taa marbuta,
/// alef maqsura, diacritics, tatweel) and <see cref="ArabicStemFilter"/> (definite article, و and وال/بال/فال/كال/لل
/// prefixes, common suffixes). Latin words in Arabic text are lower-cased.
/// </summary>
public sealed class ArabicSearchAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly NormalizeCharMap CharMap = BuildCharMap();

    protected override TextReader InitReader(string fieldName, TextReader reader) => new MappingCharFilter(CharMap, reader);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream result = new LowerCaseFilter(Version, source);
        result = new StopFilter(Version, result, ArabicAnalyzer.DefaultStopSet);
        result = new ArabicNormalizationFilter(result);
        result = new ArabicStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    private static NormalizeCharMap BuildCharMap()
    {
        var builder = new NormalizeCharMap.Builder();
        builder.Add("\u06CC", "\u064A"); // Persian yeh ی → Arabic yeh ي
        builder.Add("\u06A9", "\u0643"); // keheh ک → kaf ك
        builder.Add("\u0671", "\u0627"); // alef wasla ٱ → alef ا
        for (var d = 0; d < 10; d++)
        {
            var digit = ((char)('0' + d)).ToString();
            builder.Add(((char)('\u0660' + d)).ToString(), digit); // Arabic-Indic ٠–٩
            builder.Add(((char)('\u06F0' + d)).ToString(), digit); // Eastern Arabic-Indic ۰–۹
        }
        builder.Add("\u0670", ""); // dagger (superscript) alef removed
        return builder.Build();
    }
}

/// <summary>The analyzers of the case-study index: Arabic for fields ending in "_ar", English for "_en", keywords otherwise.</summary>
public static class SearchAnalyzers
{
    public static Analyzer Create()
    {
        var arabic = new ArabicSearchAnalyzer();
        var english = new EnglishAnalyzer(ArabicSearchAnalyzer.Version);
        var fields = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var field in CaseStudyFields.ArabicText)
        {
            fields[field] = arabic;
        }
        foreach (var field in CaseStudyFields.EnglishText)
        {
            fields[field] = english;
        }
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), fields);
    }
}
