using Enact.Core.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Enact.Tests.Search;

/// <summary>The Arabic analysis the library relies on: each variant a reader may type reaches the same indexed term.</summary>
public sealed class ArabicAnalyzerTests
{
    private static List<string> Terms(string text, string field = CaseStudyFields.BodyAr)
    {
        using var analyzer = SearchAnalyzers.Create();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }
        stream.End();
        return terms;
    }

    private static string Single(string text) => Assert.Single(Terms(text));

    [Theory]
    [InlineData("حكومة")]           // bare noun, taa marbuta
    [InlineData("الحكومة")]         // definite article
    [InlineData("والحكومة")]        // conjunction و + article
    [InlineData("والحكومات")]       // conjunction + article + feminine plural
    [InlineData("حكومات")]          // feminine plural
    [InlineData("بالحكومة")]        // preposition ب + article
    [InlineData("فالحكومة")]        // ف + article
    [InlineData("كالحكومة")]        // ك + article
    [InlineData("للحكومة")]         // ل + article (لل)
    [InlineData("وحكومة")]          // conjunction و alone
    [InlineData("الحكومه")]         // taa marbuta written as haa
    [InlineData("الحكـــومة")]      // tatweel
    [InlineData("الحُكُومَة")]       // diacritics
    [InlineData("ٱلحكومة")]         // alef wasla
    public void Inflections_of_government_reach_one_term(string variant)
        => Assert.Equal(Single("حكومة"), Single(variant));

    [Theory]
    [InlineData("أمن", "امن")]      // hamza above
    [InlineData("إدارة", "ادارة")]    // hamza below
    [InlineData("آليات", "اليات")]    // madda
    [InlineData("مستشفى", "مستشفي")]  // alef maqsura
    [InlineData("کتاب", "كتاب")]      // Persian keheh
    [InlineData("رقمی", "رقمي")]      // Persian yeh
    [InlineData("الرحمٰن", "الرحمن")]  // dagger alef
    public void Spelling_variants_reach_one_term(string variant, string canonical)
        => Assert.Equal(Terms(canonical), Terms(variant));

    [Theory]
    [InlineData("٢٠٢١")]            // Arabic-Indic digits
    [InlineData("۲۰۲۱")]            // Eastern Arabic-Indic (Persian) digits
    [InlineData("2021")]
    public void Digits_of_every_script_become_ascii(string year)
        => Assert.Equal("2021", Single(year));

    [Fact]
    public void Stop_words_are_dropped_and_latin_words_lower_cased()
        => Assert.Equal(["منص", "blockchain"], Terms("في منصة Blockchain"));

    [Fact]
    public void English_fields_are_stemmed_in_english()
        => Assert.Equal(Terms("permit", CaseStudyFields.BodyEn), Terms("Permits", CaseStudyFields.BodyEn));

    [Fact]
    public void A_query_in_one_inflection_matches_a_document_in_another()
    {
        var query = CaseStudySearch.ParseText("والحكومات الرقمية")!.ToString();
        var single = Single("الحكومة");
        Assert.Contains(CaseStudyFields.BodyAr + ":" + single, query, StringComparison.Ordinal);
    }
}
