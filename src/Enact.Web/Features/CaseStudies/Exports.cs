using System.Globalization;
using System.Text;
using System.Xml;
using Enact.Core.CaseStudies;
using Enact.Core.Search;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.CaseStudies;

/// <summary>The library's filtered list as a file: same parameters as the page (page and page size ignored), all matches up to the cap.</summary>
public abstract class ExportModel(CaseStudyLibrary library, IStringLocalizer<CaseStudyText> text) : PageModel
{
    protected IActionResult Export(Func<IReadOnlyList<CaseStudyRecord>, IActionResult> file)
    {
        var parameters = new Microsoft.AspNetCore.Http.QueryCollection(Request.Query
            .Where(q => q.Key is not ("page" or "pageSize"))
            .ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal));
        if (!CaseStudyQueryParser.TryParse(parameters, out var query, out var errors))
        {
            return new ObjectResult(new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = text["InvalidParametersShort"], Detail = string.Join(" ", errors.SelectMany(e => e.Value)) }) { StatusCode = StatusCodes.Status400BadRequest };
        }
        return file(library.All(query with { Language = Cultures.Current }));
    }
}

public sealed class ExportCsvModel(CaseStudyLibrary library, IStringLocalizer<CaseStudyText> text) : ExportModel(library, text)
{
    public IActionResult OnGet() => Export(records =>
    {
        using var stream = new MemoryStream();
        CaseStudyExports.WriteCsvAsync(stream, records).GetAwaiter().GetResult();
        return File(stream.ToArray(), "text/csv; charset=utf-8", "case-studies.csv");
    });
}

public sealed class ExportXlsxModel(CaseStudyLibrary library, IStringLocalizer<CaseStudyText> text) : ExportModel(library, text)
{
    public IActionResult OnGet() => Export(records =>
    {
        using var stream = new MemoryStream();
        CaseStudyExports.WriteXlsx(stream, records);
        return File(stream.ToArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "case-studies.xlsx");
    });
}

/// <summary>Atom feed of the newest published case studies, in the page's language (the other one where a text is missing).</summary>
public sealed class FeedModel(CaseStudyLibrary library, IStringLocalizer<CaseStudyText> text, IStringLocalizer<SharedText> shared, TimeProvider time) : PageModel
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public IActionResult OnGet()
    {
        var culture = Cultures.Current;
        var items = library.Newest();
        var root = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/{culture}/case-studies";
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, culture);
            xml.WriteElementString("title", Atom, $"{text["FeedTitle"]} · {shared["PortalName"]}");
            xml.WriteElementString("id", Atom, root + "/feed.atom");
            Link(xml, "self", root + "/feed.atom", "application/atom+xml");
            Link(xml, "alternate", root, "text/html");
            var updated = items.Select(i => i.PublishedAt).Where(p => p is not null).Max() ?? time.GetUtcNow();
            xml.WriteElementString("updated", Atom, Instant(updated));
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, shared["PortalName"]);
            xml.WriteEndElement();
            foreach (var item in items)
            {
                var (title, _) = Labels.Pick(item.Title);
                var (summary, _) = Labels.Pick(item.Summary);
                var (organisation, _) = Labels.Pick(item.Organisation);
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("title", Atom, title ?? item.Id);
                xml.WriteElementString("id", Atom, $"{root}/{item.Id}");
                Link(xml, "alternate", $"{root}/{item.Id}", "text/html");
                xml.WriteElementString("updated", Atom, Instant(item.PublishedAt ?? updated));
                if (item.PublishedAt is { } published)
                {
                    xml.WriteElementString("published", Atom, Instant(published));
                }
                if (organisation is not null)
                {
                    xml.WriteStartElement("author", Atom);
                    xml.WriteElementString("name", Atom, organisation);
                    xml.WriteEndElement();
                }
                if (summary is not null)
                {
                    xml.WriteElementString("summary", Atom, summary);
                }
                xml.WriteStartElement("category", Atom);
                xml.WriteAttributeString("term", item.Country);
                xml.WriteAttributeString("label", Labels.Country(item.Country));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return File(stream.ToArray(), "application/atom+xml; charset=utf-8");
    }

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteAttributeString("type", type);
        xml.WriteEndElement();
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
