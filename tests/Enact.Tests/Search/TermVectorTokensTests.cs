using Enact.Core.Search;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Enact.Tests.Search;

/// <summary>Highlighting reads tokens back from term vectors: they must be the analyzer's tokens, in order, with the same offsets.</summary>
public sealed class TermVectorTokensTests
{
    [Theory]
    [InlineData(CaseStudyFields.BodyAr, "والحكومات الرقمية في لبنان، وهي من أجل المواطنين: الحكومة الرقمية ٢٠٢١ و e-Government.")]
    [InlineData(CaseStudyFields.BodyAr, "إِنَّ الرَّحْمٰن ٱلحكومة ی ک — سطر\n\nفقرة ثانية في الحكومة في الحكومة")]
    [InlineData(CaseStudyFields.BodyEn, "The Ministry's digital government platform, and the governments' platforms: digital, DIGITAL, digitally.")]
    [InlineData(CaseStudyFields.TitleEn, "A an the of to in")]
    public void Term_vector_tokens_are_the_analyzers_tokens(string field, string text)
    {
        Assert.Equal(Analysed(field, text), FromVector(field, text));
    }

    [Fact]
    public void The_texts_read_from_the_json_are_the_indexed_texts()
    {
        var record = Enact.Tests.CaseStudies.CaseStudyData.Record("lb-one", titleEn: "  ", summaryAr: "ملخص \"مقتبس\" <b>");
        record.Problem = Enact.Core.CaseStudies.LocalizedText.Of("مشكلة", null);
        record.Replication = Enact.Core.CaseStudies.LocalizedText.Of(null, "Replicate it.");
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(record, Enact.Core.CaseStudies.InterchangeJson.Options);
        var indexed = CaseStudyTexts.Of(record);
        var read = CaseStudyTexts.FromJson(json);
        foreach (var field in CaseStudyFields.ArabicText.Concat(CaseStudyFields.EnglishText))
        {
            Assert.Equal(indexed.Get(field), read.Get(field));
        }
        Assert.Null(read.Get(CaseStudyFields.TitleEn));
        Assert.StartsWith("قامت **الوزارة**", read.Get(CaseStudyFields.BodyAr), StringComparison.Ordinal);
        Assert.Contains("\n\nمشكلة\n\n", read.Get(CaseStudyFields.BodyAr), StringComparison.Ordinal);
        Assert.EndsWith("Replicate it.", read.Get(CaseStudyFields.BodyEn), StringComparison.Ordinal);
    }

    private static List<(string Term, int Start, int End, int Increment)> Analysed(string field, string text)
    {
        using var analyzer = SearchAnalyzers.Create();
        using var stream = analyzer.GetTokenStream(field, text);
        return Read(stream);
    }

    private static List<(string Term, int Start, int End, int Increment)> FromVector(string field, string text)
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArabicSearchAnalyzer.Version, SearchAnalyzers.Create())))
        {
            var type = new FieldType(TextField.TYPE_NOT_STORED) { StoreTermVectors = true, StoreTermVectorPositions = true, StoreTermVectorOffsets = true };
            writer.AddDocument(new Document { new Field(field, text, type) });
        }
        using var reader = DirectoryReader.Open(directory);
        // A text of stop words only has no tokens, hence no vector (highlighting then analyses it, finding nothing).
        if (reader.GetTermVector(0, field) is not { } vector)
        {
            return [];
        }
        using var stream = new TermVectorTokens(vector);
        return Read(stream);
    }

    private static List<(string, int, int, int)> Read(TokenStream stream)
    {
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var tokens = new List<(string, int, int, int)>();
        while (stream.IncrementToken())
        {
            tokens.Add((term.ToString(), offset.StartOffset, offset.EndOffset, increment.PositionIncrement));
        }
        stream.End();
        return tokens;
    }
}
