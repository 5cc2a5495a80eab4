using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Enact.Core.Audit;
using Enact.Core.Data;
using Enact.Core.Reference;
using Enact.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Logging;

namespace Enact.Core.CaseStudies;

public sealed record ImportOutcome(int Created, int Updated, int Unchanged, IReadOnlyList<InterchangeError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
    public int Total => Created + Updated + Unchanged;
}

/// <summary>
/// An interchange file read by <see cref="CaseStudyInterchange.ReadAsync"/>: its records (null when the file is not a
/// JSON array), the records that are not in the format, and the problems of each record's texts (already checked).
/// </summary>
public sealed record InterchangeFile(IReadOnlyList<CaseStudyRecord?>? Records, IReadOnlyList<InterchangeError> Errors, IReadOnlyList<IReadOnlyList<string>> TextProblems, TimeSpan ReadTime);

/// <summary>
/// Reads and writes files in the interchange format. An import checks every record first and imports nothing when
/// any is invalid; it is idempotent by id (new ids are added, known ones updated, identical ones left alone), commits
/// one transaction per batch, and writes the indexing tasks with each batch.
/// </summary>
public sealed partial class CaseStudyInterchange(EnactDbContext db, AuditTrail audit, TimeProvider clock, IndexingSignal signal, ILogger<CaseStudyInterchange> logger)
{
    public const int BatchSize = 1000;

    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public async Task<ImportOutcome> ImportAsync(Stream json, AuditActor actor, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
        => await ImportAsync(await ReadAsync(json, cancellationToken), actor, progress, cancellationToken);

    /// <summary>
    /// Reads and deserializes an interchange file and checks its texts, without the database (so it can run while the
    /// database is being prepared); <see cref="ImportAsync(InterchangeFile, AuditActor, IProgress{ValueTuple{int, int}}?, CancellationToken)"/> checks and writes it.
    /// </summary>
    public static async Task<InterchangeFile> ReadAsync(Stream json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(json);
        var started = Stopwatch.GetTimestamp();
        var (records, errors) = Read(await ReadAllAsync(json, cancellationToken));
        var textProblems = records is null ? [] : InterchangeValidator.CheckTexts(records);
        return new InterchangeFile(records, errors, textProblems, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>Checks every record of a file read by <see cref="ReadAsync"/> and, when all are valid, writes them.</summary>
    public async Task<ImportOutcome> ImportAsync(InterchangeFile file, AuditActor actor, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(file);
        List<InterchangeError> errors = [.. file.Errors];
        if (file.Records is not { } records)
        {
            return new ImportOutcome(0, 0, 0, errors);
        }
        var started = Stopwatch.GetTimestamp();
        var cpu0 = Environment.CpuUsage.TotalTime;
        errors.AddRange(InterchangeValidator.Validate(records, await VocabularyAsync(cancellationToken), file.TextProblems));
        if (errors.Count > 0)
        {
            return new ImportOutcome(0, 0, 0, errors.OrderBy(e => e.Position).ToList());
        }
        var validated = Stopwatch.GetElapsedTime(started);
        var cpu1 = Environment.CpuUsage.TotalTime;
        var outcome = await WriteAsync(records.Select(r => r!).ToList(), actor, progress, cancellationToken);
        signal.Nudge();
        LogImported(logger, outcome.Created, outcome.Updated, outcome.Unchanged);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            double readMs = file.ReadTime.TotalMilliseconds, validateMs = validated.TotalMilliseconds, writeMs = (Stopwatch.GetElapsedTime(started) - validated).TotalMilliseconds;
            double validateCpu = (cpu1 - cpu0).TotalMilliseconds, writeCpu = (Environment.CpuUsage.TotalTime - cpu1).TotalMilliseconds;
            LogPhases(logger, records.Count, readMs, validateMs, validateCpu, writeMs, writeCpu);
        }
        return outcome;
    }

    /// <summary>
    /// Reads the records. A file that deserializes as a whole (the common case) is read in one pass; otherwise (not
    /// JSON, not an array, a record not in the format or null) it is read again element by element, so that every bad
    /// record is reported with its position. Answers null records when the file is not a JSON array.
    /// </summary>
    private static (IReadOnlyList<CaseStudyRecord?>? Records, IReadOnlyList<InterchangeError> Errors) Read(ReadOnlyMemory<byte> utf8)
    {
        // As JsonDocument.ParseAsync does for a stream: a UTF-8 byte order mark is not part of the JSON.
        if (utf8.Span.StartsWith(Utf8Bom))
        {
            utf8 = utf8[Utf8Bom.Length..];
        }
        try
        {
            var all = JsonSerializer.Deserialize<List<CaseStudyRecord?>>(utf8.Span, InterchangeJson.Options);
            if (all is not null && !all.Contains(null))
            {
                return (all, []);
            }
        }
        catch (JsonException)
        {
            // Reported record by record below.
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { AllowTrailingCommas = false });
        }
        catch (JsonException ex)
        {
            return (null, [new InterchangeError(0, null, "the file is not valid JSON: " + ex.Message)]);
        }
        using (document)
        {
            var (records, errors) = InterchangeValidator.Read(document);
            return (document.RootElement.ValueKind == JsonValueKind.Array ? records : null, errors);
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static async Task<ReadOnlyMemory<byte>> ReadAllAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var buffer = stream.CanSeek ? new MemoryStream(checked((int)Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.GetBuffer().AsMemory(0, checked((int)buffer.Length));
    }

    public async Task<InterchangeVocabulary> VocabularyAsync(CancellationToken cancellationToken = default)
    {
        var countries = await db.Countries.Select(c => c.Code).ToListAsync(cancellationToken);
        var terms = await db.TaxonomyTerms.Select(t => new { t.Taxonomy, t.Code }).ToListAsync(cancellationToken);
        return new InterchangeVocabulary(
            countries.ToHashSet(StringComparer.Ordinal),
            terms.Select(t => (t.Taxonomy, t.Code)).ToHashSet(),
            clock.GetUtcNow().Year);
    }

    private async Task<ImportOutcome> WriteAsync(List<CaseStudyRecord> records, AuditActor actor, IProgress<(int, int)>? progress, CancellationToken cancellationToken)
    {
        var termIds = await db.TaxonomyTerms.AsNoTracking().ToDictionaryAsync(t => (t.Taxonomy, t.Code), t => t.Id, cancellationToken);
        // New case studies, their term links, their indexing tasks and the audit entry are written with prepared commands
        // (the common case, a first import, without SaveChanges' change tracking); changed ones go through SaveChanges.
        var insertCaseStudies = new BulkInsert<CaseStudy>(db);
        var insertTerms = new BulkInsert<CaseStudyTerm>(db);
        var insertTasks = new BulkInsert<IndexingTask>(db);
        var insertAudit = new BulkInsert<AuditEntry>(db);
        var properties = db.Model.FindEntityType(typeof(CaseStudy))!.GetProperties().ToArray();
        int created = 0, updated = 0, unchanged = 0;
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var batch in records.Chunk(BatchSize))
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var ids = batch.Select(r => r.Id!).ToList();
                // Which ids are known (none, in a first import); those are read without tracking: most known records are
                // unchanged, and only the changed ones are tracked below.
                var known = await db.CaseStudies.Where(c => EF.Parameter(ids).Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
                var existing = known.Count == 0
                    ? new Dictionary<string, CaseStudy>(StringComparer.Ordinal)
                    : await db.CaseStudies.AsNoTracking().Include(c => c.Terms).AsSplitQuery().Where(c => EF.Parameter(known).Contains(c.Id))
                        .ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
                List<CaseStudy> newCaseStudies = [];
                List<CaseStudyTerm> newTerms = [];
                Dictionary<string, (CaseStudyRecord Record, HashSet<int> Wanted)> toUpdate = new(StringComparer.Ordinal);
                foreach (var record in batch)
                {
                    var wanted = InterchangeMapper.TermCodes(record).Select(t => termIds[t]).ToHashSet();
                    if (existing.TryGetValue(record.Id!, out var stored))
                    {
                        if (WouldChange(properties, stored, record, wanted, now))
                        {
                            toUpdate.Add(stored.Id, (record, wanted));
                        }
                        else
                        {
                            unchanged++;
                        }
                    }
                    else
                    {
                        var caseStudy = new CaseStudy { Id = record.Id!, CountryCode = record.Country!, CreatedAt = now, UpdatedAt = now };
                        InterchangeMapper.Apply(record, caseStudy);
                        caseStudy.PublishedAt = caseStudy.Status == CaseStudyStatus.Published ? record.PublishedAt?.UtcDateTime ?? now : null;
                        newCaseStudies.Add(caseStudy);
                        newTerms.AddRange(wanted.Select(id => new CaseStudyTerm { CaseStudyId = caseStudy.Id, TermId = id }));
                    }
                }
                List<string> changed = [];
                if (toUpdate.Count > 0)
                {
                    var keys = toUpdate.Keys.ToList();
                    var tracked = await db.CaseStudies.Include(c => c.Terms).AsSplitQuery().Where(c => EF.Parameter(keys).Contains(c.Id))
                        .ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
                    foreach (var record in batch)
                    {
                        if (toUpdate.TryGetValue(record.Id!, out var update) && tracked.TryGetValue(record.Id!, out var caseStudy))
                        {
                            if (Update(caseStudy, update.Record, update.Wanted, now))
                            {
                                changed.Add(caseStudy.Id);
                            }
                            else
                            {
                                unchanged++;
                            }
                        }
                    }
                }
                var added = newCaseStudies.Select(c => c.Id).ToList();
                await insertCaseStudies.InsertAsync(db, newCaseStudies, cancellationToken);
                await insertTerms.InsertAsync(db, newTerms, cancellationToken);
                // What IndexingOutbox.Capture adds in SaveChanges for each added case study: one upsert task.
                var taskTime = clock.GetUtcNow().UtcDateTime;
                await insertTasks.InsertAsync(db, added.Select(id => new IndexingTask { CaseStudyId = id, Kind = IndexingKind.Upsert, CreatedAt = taskTime }).ToList(), cancellationToken);
                created += added.Count;
                updated += changed.Count;
                if (added.Count + changed.Count > 0)
                {
                    var entry = audit.Record(actor, "case-studies.imported", "case-study", added.Concat(changed).First(), after: new { created = added, updated = changed });
                    if (toUpdate.Count == 0)
                    {
                        // Nothing is tracked but the entry: it is written with the new rows, without SaveChanges.
                        db.Entry(entry).State = EntityState.Detached;
                        await insertAudit.InsertAsync(db, [entry], cancellationToken);
                    }
                }
                if (toUpdate.Count > 0)
                {
                    // The changed case studies (their versions and indexing tasks follow from SaveChanges) and the audit entry.
                    await db.SaveChangesAsync(cancellationToken);
                }
                await transaction.CommitAsync(cancellationToken);
                db.ChangeTracker.Clear();
                progress?.Report((created + updated + unchanged, records.Count));
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
        return new ImportOutcome(created, updated, unchanged, []);
    }

    /// <summary>
    /// Applies the record to an untracked copy of a stored case study and answers whether <see cref="Update"/> would
    /// change it: a mapped property differs (by the model's value comparers, as change detection compares) or the term links do.
    /// </summary>
    private static bool WouldChange(IProperty[] properties, CaseStudy stored, CaseStudyRecord record, HashSet<int> wanted, DateTime now)
    {
        var before = new object?[properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            before[i] = properties[i].GetGetter().GetClrValue(stored);
        }
        ApplyToStored(stored, record, now);
        for (var i = 0; i < properties.Length; i++)
        {
            if (!properties[i].GetValueComparer().Equals(before[i], properties[i].GetGetter().GetClrValue(stored)))
            {
                return true;
            }
        }
        return !wanted.SetEquals(stored.Terms.Select(t => t.TermId));
    }

    private static void ApplyToStored(CaseStudy caseStudy, CaseStudyRecord record, DateTime now)
    {
        InterchangeMapper.Apply(record, caseStudy);
        caseStudy.PublishedAt = caseStudy.Status == CaseStudyStatus.Published
            ? record.PublishedAt?.UtcDateTime ?? caseStudy.PublishedAt ?? now
            : null;
    }

    /// <summary>Applies the record to a stored case study; answers whether anything changed.</summary>
    private bool Update(CaseStudy caseStudy, CaseStudyRecord record, HashSet<int> wanted, DateTime now)
    {
        ApplyToStored(caseStudy, record, now);
        var entry = db.Entry(caseStudy);
        entry.DetectChanges();
        var termsChanged = false;
        foreach (var link in caseStudy.Terms.Where(t => !wanted.Contains(t.TermId)).ToList())
        {
            db.CaseStudyTerms.Remove(link);
            termsChanged = true;
        }
        var have = caseStudy.Terms.Select(t => t.TermId).ToHashSet();
        foreach (var id in wanted.Where(id => !have.Contains(id)))
        {
            db.CaseStudyTerms.Add(new CaseStudyTerm { CaseStudyId = caseStudy.Id, TermId = id });
            termsChanged = true;
        }
        if (entry.State != EntityState.Modified && !termsChanged)
        {
            return false;
        }
        entry.Property(c => c.UpdatedAt).CurrentValue = now;
        return true;
    }

    /// <summary>Writes published case studies and drafts, ordered by id, in the interchange format; answers how many.</summary>
    public async Task<int> ExportAsync(Stream output, CancellationToken cancellationToken = default)
    {
        var terms = await db.TaxonomyTerms.AsNoTracking().ToDictionaryAsync(t => t.Id, cancellationToken);
        await using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartArray();
        var count = 0;
        const int page = 1000;
        while (true)
        {
            var batch = await db.CaseStudies.AsNoTracking()
                .Include(c => c.Terms)
                .Where(c => c.Status == CaseStudyStatus.Published || c.Status == CaseStudyStatus.Draft)
                // Revisions are working copies of a published case study, never records of their own.
                .Where(c => c.RevisionOfId == null)
                .OrderBy(c => c.Id)
                .Skip(count)
                .Take(page)
                .ToListAsync(cancellationToken);
            foreach (var caseStudy in batch)
            {
                JsonSerializer.Serialize(writer, InterchangeMapper.ToRecord(caseStudy, terms), InterchangeJson.Options);
            }
            count += batch.Count;
            await writer.FlushAsync(cancellationToken);
            if (batch.Count < page)
            {
                break;
            }
        }
        writer.WriteEndArray();
        await writer.FlushAsync(cancellationToken);
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported case studies: {Created} created, {Updated} updated, {Unchanged} unchanged")]
    private static partial void LogImported(ILogger logger, int created, int updated, int unchanged);

    /// <summary>
    /// Wall-clock time of each phase, and the process CPU time (all threads, garbage collection included) of checking
    /// and writing; reading may run beside other work (the command line reads while it prepares the database).
    /// </summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Import of {Count} records: read {ReadMs:F0} ms, checked {ValidateMs:F0} ms (CPU {ValidateCpuMs:F0} ms), written {WriteMs:F0} ms (CPU {WriteCpuMs:F0} ms)")]
    private static partial void LogPhases(ILogger logger, int count, double readMs, double validateMs, double validateCpuMs, double writeMs, double writeCpuMs);
}
