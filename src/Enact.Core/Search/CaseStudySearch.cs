using System.Globalization;
using Enact.Core.CaseStudies;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;

namespace Enact.Core.Search;

public enum SearchSort
{
    Relevance,
    Newest,
}

/// <summary>A library search: text in either language, facet filters (values of one facet OR-ed, facets AND-ed), sort and page.</summary>
public sealed record CaseStudyQuery
{
    public const int MaxPageSize = 100;
    /// <summary>Deep pages cost memory: page × pageSize stays at most this.</summary>
    public const int MaxWindow = 10_000;

    public string? Text { get; init; }
    /// <summary>"ar" or "en": the language of the query and of the highlights.</summary>
    public string Language { get; init; } = "ar";
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Filters { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
    public SearchSort? Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

public sealed record FacetCount(string Value, int Count);

public sealed record CaseStudySearchResult(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<CaseStudyRecord> Items,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

/// <summary>
/// Searches this instance's index. Facet counts follow the filters of the other facets but not their own (drill
/// sideways), so a reader sees how many results each further value of an OR-ed facet would add.
/// </summary>
public sealed class CaseStudySearch(SearchIndex index)
{
    private static readonly Analyzer Analyzer = SearchAnalyzers.Create();
    private static readonly string[] TextFields = [.. CaseStudyFields.ArabicText, .. CaseStudyFields.EnglishText];
    private static readonly Dictionary<string, float> Boosts = CaseStudyFields.Boosts.ToDictionary(b => b.Key, b => b.Value, StringComparer.Ordinal);

    public CaseStudySearchResult Search(CaseStudyQuery query)
    {
        if (!index.Exists)
        {
            return new CaseStudySearchResult(0, query.Page, query.PageSize, [], CaseStudyFields.Facets.ToDictionary(f => f, _ => (IReadOnlyList<FacetCount>)[], StringComparer.Ordinal));
        }
        using var lease = index.Acquire();
        var searcher = lease.Searcher;
        var text = ParseText(query.Text);
        var filters = query.Filters
            .Where(f => f.Value.Count > 0)
            .ToDictionary(f => f.Key, f => FilterOf(f.Key, f.Value), StringComparer.Ordinal);

        var main = Combine(text, filters.Values);
        var sort = query.Sort ?? (text is null ? SearchSort.Newest : SearchSort.Relevance);
        var window = query.Page * query.PageSize;
        ITopDocsCollector top = sort == SearchSort.Relevance && text is not null
            ? TopScoreDocCollector.Create(window, docsScoredInOrder: false)
            : TopFieldCollector.Create(new Sort(new SortField(CaseStudyFields.Published, SortFieldType.INT64, reverse: true), SortField.FIELD_DOC),
                window, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false);
        var unfiltered = CaseStudyFields.Facets.Where(f => !filters.ContainsKey(f)).ToArray();
        var counts = new FacetCollector(unfiltered);
        searcher.Search(main, MultiCollector.Wrap((ICollector)top, counts));
        var facets = counts.Results();

        // A filtered facet is counted under the other facets' filters only.
        foreach (var facet in filters.Keys)
        {
            var sideways = new FacetCollector([facet]);
            searcher.Search(Combine(text, filters.Where(f => !string.Equals(f.Key, facet, StringComparison.Ordinal)).Select(f => f.Value)), sideways);
            facets[facet] = sideways.Results()[facet];
        }

        var docs = top.GetTopDocs((query.Page - 1) * query.PageSize, query.PageSize);
        var highlighter = text is null ? null : new Highlights(text, query.Language);
        var items = new StoredRecords(docs.ScoreDocs.Length);
        var leaves = searcher.IndexReader.Leaves;
        var bytes = new BytesRef();
        foreach (var hit in docs.ScoreDocs)
        {
            var leaf = leaves[ReaderUtil.SubIndex(hit.Doc, leaves)];
            byte[] json;
            if (leaf.AtomicReader.GetBinaryDocValues(CaseStudyFields.Json) is { } values)
            {
                values.Get(hit.Doc - leaf.DocBase, bytes);
                json = bytes.Bytes.AsSpan(bytes.Offset, bytes.Length).ToArray();
            }
            else
            {
                // Layout 1 stored the record as a string (searched until its rebuilt generation is swapped in).
                json = System.Text.Encoding.UTF8.GetBytes(searcher.Doc(hit.Doc).Get(CaseStudyFields.Json, CultureInfo.InvariantCulture) ?? "{}");
            }
            items.Add(json, highlighter?.Of(searcher.IndexReader, hit.Doc, CaseStudyTexts.FromJson(json)));
        }
        var ordered = CaseStudyFields.Facets.ToDictionary(f => f, f => facets.TryGetValue(f, out var v) ? v : [], StringComparer.Ordinal);
        return new CaseStudySearchResult(top.TotalHits, query.Page, query.PageSize, items, ordered);
    }

    /// <summary>The query over both languages' text fields, each analysed with its field's analyzer; terms are AND-ed. Null for no text.</summary>
    public static Query? ParseText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var parser = new MultiFieldQueryParser(ArabicSearchAnalyzer.Version, TextFields, Analyzer, Boosts)
        {
            DefaultOperator = Operator.AND,
        };
        try
        {
            return parser.Parse(text);
        }
        catch (ParseException)
        {
            // A stray quote or bracket is not the reader's fault: search for the words as typed.
            return parser.Parse(QueryParserBase.Escape(text));
        }
    }

    private static BooleanQuery FilterOf(string facet, IReadOnlyList<string> values)
    {
        var any = new BooleanQuery();
        foreach (var value in values.Distinct(StringComparer.Ordinal))
        {
            any.Add(new TermQuery(new Term(CaseStudyFields.Facet(facet), value)), Occur.SHOULD);
        }
        return any;
    }

    private static BooleanQuery Combine(Query? text, IEnumerable<Query> filters)
    {
        var all = new BooleanQuery();
        all.Add(text ?? new MatchAllDocsQuery(), Occur.MUST);
        foreach (var filter in filters)
        {
            // Filters narrow the results without changing their scores.
            all.Add(new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST);
        }
        return all;
    }

    /// <summary>
    /// Highlighted title and snippet in the query's language (the other language when the record has none). The tokens
    /// come from the term vectors stored with the document (the same terms, positions and offsets the analyzer gives,
    /// without analysing the text again); a document indexed without them is analysed as before. A field whose vector
    /// holds none of the query's terms has no highlight: it is not scored at all.
    /// </summary>
    private sealed class Highlights(Query query, string language)
    {
        private static readonly IEncoder Encoder = new MinimalHtmlEncoder();
        private static readonly IFormatter Formatter = new SimpleHTMLFormatter("<mark>", "</mark>");

        /// <summary>One highlighter per field for this search: its scorer extracts the query's terms for the field once.</summary>
        private readonly Dictionary<string, Highlighter> _highlighters = new(StringComparer.Ordinal);

        /// <summary>The query's terms per field, or null when the query has clauses (wildcards, ranges…) whose terms depend on the document.</summary>
        private readonly Dictionary<string, List<BytesRef>>? _terms = QueryTerms.Of(query);

        public SearchHighlight? Of(IndexReader reader, int docId, CaseStudyTexts doc)
        {
            var lang = doc.Get(CaseStudyFields.Title(language)) is null && doc.Get(CaseStudyFields.Summary(language)) is null
                ? (language == "en" ? "ar" : "en")
                : language;
            Fields? vectors = null;
            var vectorsRead = false;
            Fields? Vectors()
            {
                if (!vectorsRead)
                {
                    vectors = reader.GetTermVectors(docId);
                    vectorsRead = true;
                }
                return vectors;
            }
            var title = Best(doc.Get(CaseStudyFields.Title(lang)), CaseStudyFields.Title(lang), Vectors, 1);
            var snippet = Best(doc.Get(CaseStudyFields.Summary(lang)), CaseStudyFields.Summary(lang), Vectors, 2)
                ?? Best(doc.Get(CaseStudyFields.Body(lang)), CaseStudyFields.Body(lang), Vectors, 2);
            return title is null && snippet is null ? null : new SearchHighlight { Title = title, Snippet = snippet };
        }

        private string? Best(string? text, string field, Func<Fields?> vectors, int fragments)
        {
            if (text is null)
            {
                return null;
            }
            TokenStream tokens;
            var terms = vectors()?.GetTerms(field);
            if (terms is { HasOffsets: true, HasPositions: true })
            {
                if (_terms is not null && !ContainsAny(terms, _terms.GetValueOrDefault(field)))
                {
                    return null;
                }
                tokens = new TermVectorTokens(terms);
            }
            else
            {
                tokens = Analyzer.GetTokenStream(field, text);
            }
            if (!_highlighters.TryGetValue(field, out var highlighter))
            {
                // The title is one fragment (NullFragmenter); summaries and bodies are cut in fragments of 200 characters.
                highlighter = new Highlighter(Formatter, Encoder, new QueryScorer(query, field))
                {
                    TextFragmenter = fragments == 1 ? new NullFragmenter() : new SimpleFragmenter(200),
                };
                _highlighters[field] = highlighter;
            }
            var best = highlighter.GetBestFragments(tokens, text, fragments, " … ");
            return string.IsNullOrEmpty(best) ? null : best;
        }

        private static bool ContainsAny(Terms vector, List<BytesRef>? wanted)
        {
            if (wanted is null)
            {
                return false;
            }
            var terms = vector.GetEnumerator();
            foreach (var term in wanted)
            {
                if (terms.SeekExact(term))
                {
                    return true;
                }
            }
            return false;
        }
    }
}

/// <summary>Escapes only what HTML needs (&amp; &lt; &gt; &quot; &#39;): Arabic stays as characters, not numeric entities.</summary>
public sealed class MinimalHtmlEncoder : IEncoder
{
    public string EncodeText(string originalText) => System.Web.HttpUtility.HtmlEncode(originalText);
}

/// <summary>Counts the values of facets over SortedSetDocValues for the documents a query matches (Lucene.Net.Facet is not available).</summary>
public sealed class FacetCollector : ICollector
{
    private readonly string[] _facets;
    private readonly Dictionary<string, int>[] _counts;
    private readonly SortedSetDocValues?[] _values;
    private readonly int[]?[] _segment;

    public FacetCollector(string[] facets)
    {
        _facets = facets;
        _counts = facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        _values = new SortedSetDocValues?[facets.Length];
        _segment = new int[]?[facets.Length];
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        for (var i = 0; i < _facets.Length; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(CaseStudyFields.Facet(_facets[i]));
            _values[i] = values;
            _segment[i] = values is null ? null : new int[values.ValueCount];
        }
    }

    public void Collect(int doc)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            var values = _values[i];
            if (values is null)
            {
                continue;
            }
            values.SetDocument(doc);
            long ord;
            var counts = _segment[i]!;
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                counts[ord]++;
            }
        }
    }

    private void Flush()
    {
        var bytes = new BytesRef();
        for (var i = 0; i < _facets.Length; i++)
        {
            var values = _values[i];
            var counts = _segment[i];
            if (values is null || counts is null)
            {
                continue;
            }
            for (var ord = 0; ord < counts.Length; ord++)
            {
                if (counts[ord] == 0)
                {
                    continue;
                }
                values.LookupOrd(ord, bytes);
                var value = bytes.Utf8ToString();
                _counts[i][value] = _counts[i].GetValueOrDefault(value) + counts[ord];
            }
            _values[i] = null;
            _segment[i] = null;
        }
    }

    /// <summary>Each facet's values by count, most frequent first, then by value.</summary>
    public Dictionary<string, IReadOnlyList<FacetCount>> Results()
    {
        Flush();
        var results = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        for (var i = 0; i < _facets.Length; i++)
        {
            results[_facets[i]] = _counts[i]
                .OrderByDescending(c => c.Value)
                .ThenBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => new FacetCount(c.Key, c.Value))
                .ToList();
        }
        return results;
    }
}
