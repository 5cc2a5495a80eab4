using System.Buffers;
using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization;
using Enact.Core.CaseStudies;

namespace Enact.Core.Search;

/// <summary>
/// The items of a search result as stored in the index: each record's JSON (UTF-8, in the interchange format) and its
/// highlight. A record is parsed only when it is read (the library page); <see cref="StoredRecordsJsonConverter"/> writes
/// them to the API's answer as they are, with the highlight added, without parsing them.
/// </summary>
public sealed class StoredRecords : IReadOnlyList<CaseStudyRecord>
{
    private readonly List<(byte[] Json, SearchHighlight? Highlight)> _stored;
    private readonly List<CaseStudyRecord?> _parsed;

    public StoredRecords(int capacity)
    {
        _stored = new(capacity);
        _parsed = new(capacity);
    }

    internal void Add(byte[] json, SearchHighlight? highlight)
    {
        _stored.Add((json, highlight));
        _parsed.Add(null);
    }

    public int Count => _stored.Count;

    public CaseStudyRecord this[int index]
    {
        get
        {
            if (_parsed[index] is { } record)
            {
                return record;
            }
            var (json, highlight) = _stored[index];
            record = JsonSerializer.Deserialize<CaseStudyRecord>(json, InterchangeJson.Options)!;
            record.Highlight = highlight;
            _parsed[index] = record;
            return record;
        }
    }

    public IEnumerator<CaseStudyRecord> GetEnumerator()
    {
        for (var i = 0; i < _stored.Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes the items as a JSON array, the same bytes as serialising the parsed records with <see cref="InterchangeJson.Options"/>.</summary>
    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        var buffer = new ArrayBufferWriter<byte>(8192);
        for (var i = 0; i < _stored.Count; i++)
        {
            var (json, highlight) = _stored[i];
            if (_parsed[i] is { } record)
            {
                // Read (and perhaps changed) by the caller: written from the object.
                JsonSerializer.Serialize(writer, record, InterchangeJson.Options);
                continue;
            }
            if (highlight is null || json.Length < 2)
            {
                writer.WriteRawValue(json, skipInputValidation: true);
                continue;
            }
            // The stored record never has a highlight, its last property: it is added before the closing brace.
            buffer.ResetWrittenCount();
            buffer.Write(json.AsSpan(0, json.Length - 1));
            buffer.Write(json.Length > 2 ? ",\"highlight\":"u8 : "\"highlight\":"u8);
            using (var inner = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = InterchangeJson.Options.Encoder, SkipValidation = true }))
            {
                JsonSerializer.Serialize(inner, highlight, InterchangeJson.Options);
            }
            buffer.Write("}"u8);
            writer.WriteRawValue(buffer.WrittenSpan, skipInputValidation: true);
        }
        writer.WriteEndArray();
    }
}

/// <summary>
/// Writes a search result's items: <see cref="StoredRecords"/> as stored, any other list as usual. Add it to the options
/// of the API's answers (<see cref="CaseStudyApiJson.Options"/>); reading is as usual.
/// </summary>
public sealed class StoredRecordsJsonConverter : JsonConverter<IReadOnlyList<CaseStudyRecord>>
{
    public override IReadOnlyList<CaseStudyRecord>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => JsonSerializer.Deserialize<List<CaseStudyRecord>>(ref reader, InterchangeJson.Options);

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<CaseStudyRecord> value, JsonSerializerOptions options)
    {
        if (value is StoredRecords stored)
        {
            stored.WriteTo(writer);
        }
        else
        {
            JsonSerializer.Serialize(writer, value, InterchangeJson.Options);
        }
    }
}

/// <summary>The JSON options of the open data API's search answers: <see cref="InterchangeJson.Options"/> with search results written as stored.</summary>
public static class CaseStudyApiJson
{
    public static readonly JsonSerializerOptions Options = new(InterchangeJson.Options)
    {
        Converters = { new StoredRecordsJsonConverter() },
    };
}
