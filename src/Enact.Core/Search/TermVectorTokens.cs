using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Enact.Core.Search;

/// <summary>
/// The tokens of one field of one document, read back from its term vector (positions and offsets), in position order:
/// what <c>TokenSources.GetTokenStream(Terms)</c> gives (term, offsets, position increment), built with a few arrays
/// instead of a <c>Token</c> object and a merge sort per occurrence.
/// </summary>
public sealed class TermVectorTokens : TokenStream
{
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private readonly string[] _texts;
    private readonly int[] _termOf;
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly int[] _increments;
    private int _next;

    public TermVectorTokens(Terms vector)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();

        var texts = new List<string>();
        var positions = new List<long>();
        var starts = new List<int>();
        var ends = new List<int>();
        var termOf = new List<int>();
        var terms = vector.GetEnumerator();
        DocsAndPositionsEnum? postings = null;
        while (terms.MoveNext())
        {
            var index = texts.Count;
            texts.Add(terms.Term.Utf8ToString());
            postings = terms.DocsAndPositions(null, postings);
            postings.NextDoc();
            var freq = postings.Freq;
            for (var i = 0; i < freq; i++)
            {
                var position = postings.NextPosition();
                // Ordered by position, then in term order (a stable sort, as TokenSources does).
                positions.Add(((long)position << 32) | (uint)termOf.Count);
                starts.Add(postings.StartOffset);
                ends.Add(postings.EndOffset);
                termOf.Add(index);
            }
        }
        var order = positions.ToArray();
        var slots = Enumerable.Range(0, order.Length).ToArray();
        Array.Sort(order, slots);
        _texts = [.. texts];
        _termOf = new int[slots.Length];
        _start = new int[slots.Length];
        _end = new int[slots.Length];
        _increments = new int[slots.Length];
        var last = -1;
        for (var i = 0; i < slots.Length; i++)
        {
            var slot = slots[i];
            var position = (int)(order[i] >> 32);
            _termOf[i] = termOf[slot];
            _start[i] = starts[slot];
            _end[i] = ends[slot];
            _increments[i] = position - last;
            last = position;
        }
    }

    public override bool IncrementToken()
    {
        if (_next >= _termOf.Length)
        {
            return false;
        }
        ClearAttributes();
        _term.SetEmpty().Append(_texts[_termOf[_next]]);
        _increment.PositionIncrement = _increments[_next];
        _offset.SetOffset(_start[_next], _end[_next]);
        _next++;
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}

/// <summary>The terms a query can match, per field: for deciding that a field cannot have a highlight.</summary>
internal static class QueryTerms
{
    /// <summary>Null when the query has a clause whose terms are not known without the document (wildcard, prefix, fuzzy, range…).</summary>
    public static Dictionary<string, List<BytesRef>>? Of(Query query)
    {
        var terms = new Dictionary<string, List<BytesRef>>(StringComparer.Ordinal);
        return Collect(query, terms) ? terms : null;
    }

    private static bool Collect(Query query, Dictionary<string, List<BytesRef>> terms)
    {
        switch (query)
        {
            case TermQuery term:
                Add(term.Term);
                return true;
            case PhraseQuery phrase:
                foreach (var term in phrase.GetTerms())
                {
                    Add(term);
                }
                return true;
            case BooleanQuery boolean:
                foreach (var clause in boolean.Clauses)
                {
                    if (!Collect(clause.Query, terms))
                    {
                        return false;
                    }
                }
                return true;
            default:
                return false;
        }

        void Add(Term term)
        {
            if (!terms.TryGetValue(term.Field, out var list))
            {
                terms[term.Field] = list = [];
            }
            list.Add(term.Bytes);
        }
    }
}
