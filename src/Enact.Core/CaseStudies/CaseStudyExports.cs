using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace Enact.Core.CaseStudies;

/// <summary>
/// The filtered library as a table: one row per case study, columns named after the interchange format (texts as
/// <c>title.ar</c>, <c>title.en</c>…, lists joined with "; "), both languages.
/// </summary>
public static class CaseStudyExports
{
    public const int MaxRows = 10_000;

    private static readonly (string Name, Func<CaseStudyRecord, LocalizedText?> Text)[] TextColumns =
    [
        ("organisation", r => r.Organisation),
        ("title", r => r.Title),
        ("summary", r => r.Summary),
        ("description", r => r.Description),
        ("problem", r => r.Problem),
        ("innovation", r => r.Innovation),
        ("partners", r => r.Partners),
        ("fundingAndSustainability", r => r.FundingAndSustainability),
        ("changeManagement", r => r.ChangeManagement),
        ("results", r => r.Results),
        ("challenges", r => r.Challenges),
        ("conditionsForSuccess", r => r.ConditionsForSuccess),
        ("replication", r => r.Replication),
        ("lessonsLearned", r => r.LessonsLearned),
    ];

    public static IReadOnlyList<string> Columns { get; } =
    [
        "id", "country", "yearLaunched", "levelOfGovernment", "organisationType",
        .. TextColumns.SelectMany(c => new[] { c.Name + ".ar", c.Name + ".en" }),
        "technologies", "dimensions", "sdgTargets", "sectors", "beneficiaries", "website", "publishedAt",
    ];

    public static IEnumerable<string?> Row(CaseStudyRecord r)
    {
        yield return r.Id;
        yield return r.Country;
        yield return r.YearLaunched?.ToString(CultureInfo.InvariantCulture);
        yield return r.LevelOfGovernment;
        yield return r.OrganisationType;
        foreach (var (_, text) in TextColumns)
        {
            var t = text(r);
            yield return t?.Ar;
            yield return t?.En;
        }
        yield return Join(r.Technologies);
        yield return Join(r.Dimensions);
        yield return Join(r.SdgTargets);
        yield return Join(r.Sectors);
        yield return Join(r.Beneficiaries);
        yield return r.Website;
        yield return r.PublishedAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    }

    private static string? Join(IReadOnlyList<string>? values) => values is null || values.Count == 0 ? null : string.Join("; ", values);

    /// <summary>UTF-8 with a byte order mark (so spreadsheet programs read Arabic), RFC 4180 quoting.</summary>
    public static async Task WriteCsvAsync(Stream stream, IEnumerable<CaseStudyRecord> records, CancellationToken ct = default)
    {
        await stream.WriteAsync(System.Text.Encoding.UTF8.Preamble.ToArray(), ct);
        await using var csv = CsvWriter.Create(stream, new CsvWriterOptions(), true);
        csv.WriteHeader([.. Columns]);
        foreach (var record in records)
        {
            await csv.WriteRecordAsync([.. Row(record).Select(v => v ?? "")], ct);
        }
    }

    /// <summary>One worksheet, header row frozen; every cell is text (codes such as 16.6 stay as written).</summary>
    public static void WriteXlsx(Stream stream, IEnumerable<CaseStudyRecord> records)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("case-studies");
        for (var c = 0; c < Columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(Columns[c]);
        }
        var row = 2;
        foreach (var record in records)
        {
            var c = 1;
            foreach (var value in Row(record))
            {
                if (value is not null)
                {
                    var cell = sheet.Cell(row, c);
                    cell.DataType = XLDataType.Text;
                    cell.SetValue(value);
                }
                c++;
            }
            row++;
        }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        book.SaveAs(stream);
    }
}
