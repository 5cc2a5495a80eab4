using System.Globalization;
using Enact.Core.Data;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Enact.Core.Search;

/// <summary>
/// This instance's Lucene index of published case studies. The index lives in a generation folder under
/// <c>data/index/</c>, named by the <c>current</c> file there; <see cref="SwapTo"/> switches to a rebuilt generation while
/// searches in flight finish on the old one (each generation is reference-counted, like a swappable SearcherManager).
/// The cursor (the last applied <see cref="IndexingTask"/> id) is kept in the commit data of the index itself, so the
/// documents and the cursor are always saved together.
/// </summary>
public sealed partial class SearchIndex(DataDirectory data, ILogger<SearchIndex> logger) : IDisposable
{
    public const string CursorKey = "enact.cursor";

    /// <summary>Commit-data key of the index layout version: a generation written with another layout is rebuilt.</summary>
    public const string SchemaKey = "enact.schema";

    /// <summary>
    /// The layout of the documents (<see cref="CaseStudyDocument"/>). 1 (no key): JSON stored as a string, no term vectors.
    /// 2: JSON as a binary doc value (UTF-8), texts not stored (they are in the JSON); title, summary and body with term
    /// vectors (positions and offsets) for highlighting.
    /// </summary>
    public const int SchemaVersion = 2;
    private const string PointerFile = "current";

    private readonly System.Threading.Lock _gate = new();
    private Generation? _current;
    private bool _disposed;

    public string Root => data.IndexPath;

    /// <summary>How long a read of the pointer file is trusted: searches do not touch the disk for it each time.</summary>
    private const long PointerCheckMilliseconds = 250;

    private sealed record PointerRead(string? Name, long At);

    private volatile PointerRead? _pointer;

    /// <summary>
    /// The generation folder named by the pointer file, or null when no index was built yet. The file is read at most
    /// every 250 ms (another process's reindex is followed within that time); this process's swaps update it at once.
    /// </summary>
    public string? CurrentName()
    {
        var now = Environment.TickCount64;
        var cached = _pointer;
        if (cached is not null && cached.Name is not null && now - cached.At < PointerCheckMilliseconds)
        {
            return cached.Name;
        }
        var name = ReadPointer();
        _pointer = new PointerRead(name, now);
        return name;
    }

    private string? ReadPointer()
    {
        var pointer = Path.Combine(Root, PointerFile);
        if (!File.Exists(pointer))
        {
            return null;
        }
        var name = File.ReadAllText(pointer).Trim();
        return name.Length == 0 || !System.IO.Directory.Exists(Path.Combine(Root, name)) ? null : name;
    }

    public bool Exists => CurrentName() is not null;

    /// <summary>The current state of this instance's index (see <see cref="Lease.State"/>), or "none" without an index.</summary>
    public string CurrentState()
    {
        if (!Exists)
        {
            return "none";
        }
        using var lease = Acquire();
        return lease.State;
    }

    /// <summary>The open generation; opens (or re-opens, when another process swapped the pointer) as needed.</summary>
    internal Generation Open()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var name = CurrentName() ?? throw new InvalidOperationException("The search index has not been built yet.");
            if (_current is null || !string.Equals(_current.Name, name, StringComparison.Ordinal))
            {
                var previous = _current;
                _current = new Generation(name, Path.Combine(Root, name));
                LogOpened(logger, name, _current.Cursor);
                if (previous is not null)
                {
                    // Another process (the reindex verb) swapped the pointer: follow it and drop the old folder.
                    previous.Release();
                    DeleteStaleGenerations(name);
                }
            }
            _current.AddRef();
            return _current;
        }
    }

    /// <summary>A searcher over the current generation; dispose it when the search is done.</summary>
    public Lease Acquire()
    {
        var generation = Open();
        return new Lease(generation, generation.Manager.Acquire());
    }

    /// <summary>A fresh generation folder to rebuild into; pass it to <see cref="SwapTo"/> when it is complete.</summary>
    public (string Name, IndexWriter Writer) CreateGeneration()
    {
        var name = "g" + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..6];
        // A rebuild reads segments back only to merge them: plain file reads (NIOFSDirectory) keep those pages out of the
        // process's memory, where memory-mapping them (FSDirectory's choice, right for searching) counted the whole
        // index being merged in the server's resident set (1.2 GB at 100,000 case studies). The buffer trades a few more
        // merges for a smaller peak.
        var directory = new NIOFSDirectory(Path.Combine(Root, name));
        var writer = new IndexWriter(directory, new IndexWriterConfig(ArabicSearchAnalyzer.Version, SearchAnalyzers.Create())
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = 32,
        });
        return (name, writer);
    }

    /// <summary>Makes <paramref name="name"/> the current generation: the pointer file is replaced atomically, the old generation is closed when its last search ends and then deleted.</summary>
    public void SwapTo(string name)
    {
        lock (_gate)
        {
            var pointer = Path.Combine(Root, PointerFile);
            var temp = pointer + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
            File.WriteAllText(temp, name);
            File.Move(temp, pointer, overwrite: true);
            _pointer = new PointerRead(name, Environment.TickCount64);
            LogSwapped(logger, name);
            if (_current is null || string.Equals(_current.Name, name, StringComparison.Ordinal))
            {
                // Not open in this process (the reindex verb beside a running server): the server follows the
                // pointer at its next search or poll and removes the old folder once it has closed it.
                return;
            }
            var previous = _current;
            _current = new Generation(name, Path.Combine(Root, name));
            previous.Release();
        }
        DeleteStaleGenerations(name);
    }

    private void DeleteStaleGenerations(string keep)
    {
        foreach (var folder in System.IO.Directory.EnumerateDirectories(Root, "g*"))
        {
            var name = Path.GetFileName(folder);
            if (string.Equals(name, keep, StringComparison.Ordinal))
            {
                continue;
            }
            // A rebuild in progress (here or in another process) writes a newer folder that is not yet current: keep those.
            if (string.CompareOrdinal(name, keep) > 0)
            {
                continue;
            }
            try
            {
                if (!System.IO.Directory.EnumerateFiles(folder, "write.lock").Any() || TryDeleteLock(folder))
                {
                    System.IO.Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
                // Still open by a search in flight: removed after the next swap.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private static bool TryDeleteLock(string folder)
    {
        // Lucene's native lock files stay after a clean close; a folder whose lock we can obtain is not in use.
        using var directory = FSDirectory.Open(folder);
        var @lock = directory.MakeLock(IndexWriter.WRITE_LOCK_NAME);
        if (!@lock.Obtain())
        {
            return false;
        }
        @lock.Dispose();
        return true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _current?.Release();
            _current = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index generation {Name} opened at cursor {Cursor}")]
    private static partial void LogOpened(ILogger logger, string name, long cursor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index swapped to generation {Name}")]
    private static partial void LogSwapped(ILogger logger, string name);

    /// <summary>One generation: its writer, its near-real-time searcher manager and the in-memory state of the worker.</summary>
    internal sealed class Generation
    {
        private int _references = 1;

        public Generation(string name, string path)
        {
            Name = name;
            Path = path;
            Directory = FSDirectory.Open(path);
            Writer = new IndexWriter(Directory, new IndexWriterConfig(ArabicSearchAnalyzer.Version, SearchAnalyzers.Create()) { OpenMode = OpenMode.CREATE_OR_APPEND });
            Manager = new SearcherManager(Writer, applyAllDeletes: true, searcherFactory: null);
            Cursor = ReadCursor(Writer);
            Schema = ReadSchema(Writer);
        }

        public string Name { get; }
        public string Path { get; }
        public LuceneDirectory Directory { get; }
        public IndexWriter Writer { get; }
        public SearcherManager Manager { get; }

        /// <summary>The layout version the generation was written with (see <see cref="SchemaVersion"/>).</summary>
        public int Schema { get; }

        /// <summary>Serialises the worker's writes to this generation.</summary>
        public SemaphoreSlim WriteLock { get; } = new(1, 1);

        /// <summary>The last task id applied and committed with the documents.</summary>
        public long Cursor { get; set; }

        /// <summary>Tasks above the cursor already applied while an earlier id was missing (a transaction not yet committed).</summary>
        public SortedSet<long> AppliedAbove { get; } = [];

        /// <summary>Missing ids above the cursor and when they were first noticed: skipped when they stay missing too long (rolled back).</summary>
        public Dictionary<long, DateTimeOffset> Gaps { get; } = [];

        public void AddRef() => Interlocked.Increment(ref _references);

        public void Release()
        {
            if (Interlocked.Decrement(ref _references) == 0)
            {
                Manager.Dispose();
                Writer.Dispose();
                Directory.Dispose();
            }
        }

        public static long ReadCursor(IndexWriter writer)
            => writer.CommitData is { } data && data.TryGetValue(CursorKey, out var value)
                ? long.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture)
                : 0;

        public static int ReadSchema(IndexWriter writer)
            => writer.CommitData is { } data && data.TryGetValue(SchemaKey, out var value)
                ? int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture)
                : 1;

        /// <summary>The commit data of a generation at <paramref name="cursor"/> with <paramref name="schema"/>.</summary>
        public static Dictionary<string, string> CommitData(long cursor, int schema) => new(StringComparer.Ordinal)
        {
            [CursorKey] = cursor.ToString(CultureInfo.InvariantCulture),
            [SchemaKey] = schema.ToString(CultureInfo.InvariantCulture),
        };

        public void Commit(long cursor)
        {
            // The schema is kept as it was: an outdated generation stays outdated until it is rebuilt.
            Writer.SetCommitData(CommitData(cursor, Schema));
            Writer.Commit();
            Cursor = cursor;
            Manager.MaybeRefreshBlocking();
        }
    }

    /// <summary>A searcher borrowed from a generation.</summary>
    public sealed class Lease : IDisposable
    {
        private readonly Generation _generation;
        private bool _released;

        internal Lease(Generation generation, IndexSearcher searcher)
        {
            _generation = generation;
            Searcher = searcher;
        }

        public IndexSearcher Searcher { get; }
        public long Cursor => _generation.Cursor;

        /// <summary>Names this state of the index (generation and reader version): equal while nothing in the index changed.</summary>
        public string State => string.Create(CultureInfo.InvariantCulture,
            $"{_generation.Name}:{(Searcher.IndexReader is DirectoryReader reader ? reader.Version : -1)}");

        public void Dispose()
        {
            if (_released)
            {
                return;
            }
            _released = true;
            _generation.Manager.Release(Searcher);
            _generation.Release();
        }
    }
}

/// <summary>Builds the Lucene document of a published case study (layout <see cref="SearchIndex.SchemaVersion"/>).</summary>
public static class CaseStudyDocument
{
    /// <summary>Analysed, not stored (the texts are in the JSON), with term vectors (positions and offsets): highlighted without analysing the text again.</summary>
    private static readonly FieldType Highlighted = Frozen(new FieldType(TextField.TYPE_NOT_STORED)
    {
        StoreTermVectors = true,
        StoreTermVectorPositions = true,
        StoreTermVectorOffsets = true,
    });

    public static Document Build(CaseStudies.CaseStudy c, CaseStudies.CaseStudyRecord record, IEnumerable<Reference.TaxonomyTerm> terms)
    {
        var doc = new Document
        {
            new StringField(CaseStudyFields.Id, c.Id, Field.Store.YES),
            // UTF-8, as the API writes it, and as a doc value (read with one copy, not decompressed like stored fields):
            // search results are copied to the response without being parsed again.
            new BinaryDocValuesField(CaseStudyFields.Json, new Lucene.Net.Util.BytesRef(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(record, CaseStudies.InterchangeJson.Options))),
            new NumericDocValuesField(CaseStudyFields.Published, (c.PublishedAt ?? c.UpdatedAt).Ticks),
        };
        var texts = CaseStudyTexts.Of(record);
        foreach (var field in CaseStudyFields.ArabicText.Concat(CaseStudyFields.EnglishText))
        {
            if (texts.Get(field) is { } text)
            {
                var organisation = field is CaseStudyFields.OrganisationAr or CaseStudyFields.OrganisationEn;
                doc.Add(new Field(field, text, organisation ? TextField.TYPE_NOT_STORED : Highlighted));
            }
        }

        AddFacet(doc, "country", c.CountryCode);
        AddFacet(doc, "year", c.YearLaunched.ToString(CultureInfo.InvariantCulture));
        if (c.LevelOfGovernment is { } level)
        {
            AddFacet(doc, "level", CaseStudies.Codes.Of(level));
        }
        foreach (var term in terms)
        {
            AddFacet(doc, term.Taxonomy, term.Code);
        }
        return doc;
    }

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private static void AddFacet(Document doc, string facet, string value)
    {
        var field = CaseStudyFields.Facet(facet);
        doc.Add(new StringField(field, value, Field.Store.NO));
        doc.Add(new SortedSetDocValuesField(field, new Lucene.Net.Util.BytesRef(value)));
    }

}
