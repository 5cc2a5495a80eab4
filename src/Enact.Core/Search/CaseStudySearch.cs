using System.Globalization;
using Enact.Core.CaseStudies;
using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;
using Microsoft.Extensions.Caching.Memory;

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
public sealed class CaseStudySearch(SearchIndex index, IndexingOptions options) : IDisposable
{
    /// <summary>
    /// Recent results by index state and query, so a popular search is answered without searching again. Entries are
    /// sized by their bytes; a change to the index gives a new state, so an entry is never served for a changed index.
    /// </summary>
    private readonly MemoryCache? _cache = options.ResultCacheMegabytes > 0
        ? new MemoryCache(new MemoryCacheOptions { SizeLimit = options.ResultCacheMegabytes * 1024L * 1024L, CompactionPercentage = 0.25 })
        : null;

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
        if (_cache is null)
        {
            return Search(lease.Searcher, query).ToResult(query);
        }
        var key = lease.State + "\n" + KeyOf(query);
        if (!_cache.TryGetValue(key, out Found? found) || found is null)
        {
            found = Search(lease.Searcher, query);
            _cache.Set(key, found, new MemoryCacheEntryOptions { Size = found.Size, SlidingExpiration = TimeSpan.FromMinutes(10) });
        }
        return found.ToResult(query);
    }

    public void Dispose() => _cache?.Dispose();

    /// <summary>The query in a canonical form: equal for queries that give the same result.</summary>
    private static string KeyOf(CaseStudyQuery query)
    {
        var key = new System.Text.StringBuilder();
        key.Append(query.Language).Append('\n').Append(query.Text?.Trim()).Append('\n')
            .Append(query.Sort?.ToString() ?? "-").Append('\n')
            .Append(query.Page.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(query.PageSize.ToString(CultureInfo.InvariantCulture));
        foreach (var (facet, values) in query.Filters.Where(f => f.Value.Count > 0).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            key.Append('\n').Append(facet).Append('=').AppendJoin('\u001f', values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        }
        return key.ToString();
    }

    /// <summary>A search's answer as kept: the stored records and their highlights are shared, never changed.</summary>
    private sealed record Found(int Total, (byte[] Json, SearchHighlight? Highlight)[] Items, IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets)
    {
        public long Size { get; } = 1024 + Items.Sum(i => i.Json.Length + 2L * ((i.Highlight?.Title?.Length ?? 0) + (i.Highlight?.Snippet?.Length ?? 0)))
            + Facets.Values.Sum(v => 64L * v.Count);

        public CaseStudySearchResult ToResult(CaseStudyQuery query)
        {
            // Each caller gets its own list: records it reads are parsed into it, not into the shared entry.
            var items = new StoredRecords(Items.Length);
            foreach (var (json, highlight) in Items)
            {
                items.Add(json, highlight is null ? null : new SearchHighlight { Title = highlight.Title, Snippet = highlight.Snippet });
            }
            return new CaseStudySearchResult(Total, query.Page, query.PageSize, items, Facets);
        }
    }

    private static Found Search(IndexSearcher searcher, CaseStudyQuery query)
    {
        var text = ParseText(query.Text);
        var filters = query.Filters
            .Where(f => f.Value.Count > 0)
            .ToDictionary(f => f.Key, f => (IReadOnlyList<string>)[.. f.Value.Distinct(StringComparer.Ordinal)], StringComparer.Ordinal);

        var sort = query.Sort ?? (text is null ? SearchSort.Newest : SearchSort.Relevance);
        var window = query.Page * query.PageSize;
        ITopDocsCollector top = sort == SearchSort.Relevance && text is not null
            ? TopScoreDocCollector.Create(window, docsScoredInOrder: false)
            : TopFieldCollector.Create(new Sort(new SortField(CaseStudyFields.Published, SortFieldType.INT64, reverse: true), SortField.FIELD_DOC),
                window, fillFields: false, trackDocScores: false, trackMaxScore: false, docsScoredInOrder: false);
        // One pass over the text's matches gives the results, the facet counts and the sideways counts of the filtered
        // facets; the filters are applied by the collector from the documents' facet values, without changing scores.
        var counts = new FacetCollector(CaseStudyFields.Facets, filters, (ICollector)top);
        searcher.Search(text ?? new MatchAllDocsQuery(), counts);
        var facets = counts.Results();

        var docs = top.GetTopDocs((query.Page - 1) * query.PageSize, query.PageSize);
        var highlighter = text is null ? null : new Highlights(text, query.Language);
        var items = new (byte[] Json, SearchHighlight? Highlight)[docs.ScoreDocs.Length];
        var n = 0;
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
            items[n++] = (json, highlighter?.Of(searcher.IndexReader, hit.Doc, CaseStudyTexts.FromJson(json)));
        }
        return new Found(top.TotalHits, items, facets);
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

/// <summary>
/// Collects a search in one pass, as a faceted search with drill-sideways counts (Lucene.Net.Facet is not available):
/// a document that has a selected value of every filtered facet is a result, passed to the inner collector, and counted
/// in every facet; a document that misses exactly one filtered facet is counted in that facet only, so a filtered facet's
/// counts follow the other facets' filters but not its own. Values come from each facet's SortedSetDocValues.
/// </summary>
public sealed class FacetCollector : ICollector
{
    private readonly string[] _facets;
    private readonly string[]?[] _selected;
    private readonly ICollector? _results;
    private readonly Dictionary<string, int>[] _counts;
    private readonly SortedSetDocValues?[] _values;
    private readonly int[]?[] _segment;
    /// <summary>Per filtered facet, the segment ordinals of its selected values (sorted).</summary>
    private readonly long[]?[] _wanted;
    /// <summary>The current document's ordinals per facet.</summary>
    private readonly long[][] _ords;
    private readonly int[] _ordCount;
    /// <summary>The facets' indexes, filtered ones first.</summary>
    private readonly int[] _filteredFirst;

    public FacetCollector(IReadOnlyList<string> facets, IReadOnlyDictionary<string, IReadOnlyList<string>>? filters = null, ICollector? results = null)
    {
        _facets = [.. facets];
        _selected = _facets.Select(f => filters is not null && filters.TryGetValue(f, out var v) && v.Count > 0 ? v.ToArray() : null).ToArray();
        _results = results;
        _counts = _facets.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToArray();
        _values = new SortedSetDocValues?[_facets.Length];
        _segment = new int[]?[_facets.Length];
        _wanted = new long[]?[_facets.Length];
        _ords = _facets.Select(_ => new long[8]).ToArray();
        _ordCount = new int[_facets.Length];
        _filteredFirst = [.. Enumerable.Range(0, _facets.Length).OrderBy(i => _selected[i] is null ? 1 : 0)];
    }

    /// <summary>Documents pass to the inner collector, so this collector accepts them out of order when it does.</summary>
    public bool AcceptsDocsOutOfOrder => _results?.AcceptsDocsOutOfOrder ?? true;

    public void SetScorer(Scorer scorer) => _results?.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var bytes = new BytesRef();
        for (var i = 0; i < _facets.Length; i++)
        {
            var values = context.AtomicReader.GetSortedSetDocValues(CaseStudyFields.Facet(_facets[i]));
            _values[i] = values;
            _segment[i] = values is null ? null : new int[values.ValueCount];
            if (_selected[i] is { } selected)
            {
                var wanted = new List<long>(selected.Length);
                foreach (var value in selected)
                {
                    bytes.CopyChars(value);
                    var ord = values?.LookupTerm(bytes) ?? -1;
                    if (ord >= 0)
                    {
                        wanted.Add(ord);
                    }
                }
                wanted.Sort();
                _wanted[i] = [.. wanted];
            }
        }
        _results?.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        // The filtered facets first: most documents of a filtered search fail them, and then the others are not read.
        var missed = -1;
        foreach (var i in _filteredFirst)
        {
            if (_selected[i] is null)
            {
                break;
            }
            Read(i, doc);
            if (!HasAny(_ords[i], _ordCount[i], _wanted[i]!))
            {
                if (missed >= 0)
                {
                    // Misses two filtered facets: neither a result nor counted sideways.
                    return;
                }
                missed = i;
            }
        }
        if (missed >= 0)
        {
            Count(missed);
            return;
        }
        _results?.Collect(doc);
        for (var i = 0; i < _values.Length; i++)
        {
            if (_selected[i] is null)
            {
                Read(i, doc);
            }
            Count(i);
        }
    }

    /// <summary>Reads a document's ordinals of one facet into <see cref="_ords"/>.</summary>
    private void Read(int facet, int doc)
    {
        var count = 0;
        var values = _values[facet];
        if (values is not null)
        {
            values.SetDocument(doc);
            long ord;
            var ords = _ords[facet];
            while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
            {
                if (count == ords.Length)
                {
                    Array.Resize(ref _ords[facet], count * 2);
                    ords = _ords[facet];
                }
                ords[count++] = ord;
            }
        }
        _ordCount[facet] = count;
    }

    private void Count(int facet)
    {
        var counts = _segment[facet];
        if (counts is null)
        {
            return;
        }
        var ords = _ords[facet];
        for (var j = 0; j < _ordCount[facet]; j++)
        {
            counts[ords[j]]++;
        }
    }

    private static bool HasAny(long[] ords, int count, long[] wanted)
    {
        for (var j = 0; j < count; j++)
        {
            if (Array.BinarySearch(wanted, ords[j]) >= 0)
            {
                return true;
            }
        }
        return false;
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
