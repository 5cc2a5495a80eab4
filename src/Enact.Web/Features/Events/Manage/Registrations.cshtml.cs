using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;
using Enact.Core.Events;
using Enact.Web.Features.Admin;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Enact.Web.Features.Events.Manage;

/// <summary>Staff see an event's registrations, mark attendance, and download them as CSV or XLSX.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RegistrationsModel(EventAdministration events) : PageModel
{
    public static readonly IReadOnlyList<string> Columns =
        ["id", "name", "email", "status", "stakeholderCategory", "country", "gender", "ageBand", "registeredAt", "attended"];

    public PortalEvent Event { get; private set; } = null!;
    public IReadOnlyList<RegistrationRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, string? format, CancellationToken ct)
    {
        var ev = await events.FindAsync(id, ct);
        if (ev is null)
        {
            return NotFound();
        }
        Event = ev;
        Rows = await events.RegistrationsAsync(id, ct);
        return format switch
        {
            "csv" => File(await CsvAsync(Rows, ct), "text/csv; charset=utf-8", $"{ev.Slug}-registrations.csv"),
            "xlsx" => File(Xlsx(Rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{ev.Slug}-registrations.xlsx"),
            _ => Page(),
        };
    }

    public async Task<IActionResult> OnPostAttendanceAsync(int id, long registrationId, bool attended, CancellationToken ct)
    {
        var outcome = await events.SetAttendanceAsync(CurrentUser.Actor(User), id, registrationId, attended, ct);
        return outcome.Result == EventResult.NotFound ? NotFound() : Redirect($"/{Cultures.Current}/events/manage/registrations/{id.ToString(CultureInfo.InvariantCulture)}");
    }

    private static IEnumerable<string> Row(RegistrationRow r) =>
    [
        r.Id.ToString(CultureInfo.InvariantCulture), r.DisplayName, r.Email, r.Status.ToString(), r.StakeholderCategory, r.CountryCode,
        r.Gender ?? "", r.AgeBand ?? "", EventFormat.Iso(r.CreatedAt), r.Attended ? "true" : "false",
    ];

    private static async Task<byte[]> CsvAsync(IEnumerable<RegistrationRow> rows, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        await stream.WriteAsync(System.Text.Encoding.UTF8.Preamble.ToArray(), ct);
        await using (var csv = CsvWriter.Create(stream, new CsvWriterOptions(), true))
        {
            csv.WriteHeader([.. Columns]);
            foreach (var r in rows)
            {
                await csv.WriteRecordAsync([.. Row(r)], ct);
            }
        }
        return stream.ToArray();
    }

    private static byte[] Xlsx(IEnumerable<RegistrationRow> rows)
    {
        using var book = new XLWorkbook();
        var sheet = book.Worksheets.Add("registrations");
        for (var c = 0; c < Columns.Count; c++)
        {
            sheet.Cell(1, c + 1).SetValue(Columns[c]);
        }
        var row = 2;
        foreach (var r in rows)
        {
            var c = 1;
            foreach (var value in Row(r))
            {
                var cell = sheet.Cell(row, c++);
                cell.DataType = XLDataType.Text;
                cell.SetValue(value);
            }
            row++;
        }
        sheet.Row(1).Style.Font.Bold = true;
        sheet.SheetView.FreezeRows(1);
        using var stream = new MemoryStream();
        book.SaveAs(stream);
        return stream.ToArray();
    }
}
