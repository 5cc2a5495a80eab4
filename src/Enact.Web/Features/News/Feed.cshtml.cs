using System.Globalization;
using System.Text;
using System.Xml;
using Enact.Core.CaseStudies;
using Enact.Core.News;
using Enact.Web.Features.Project;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.News;

/// <summary>Atom feed of the newest news items, in the page's language (the other one where a text is missing).</summary>
public sealed class FeedModel(NewsService news, IStringLocalizer<NewsText> text, IStringLocalizer<SharedText> shared, TimeProvider time) : PageModel
{
    private const string Atom = "http://www.w3.org/2005/Atom";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var culture = Cultures.Current;
        var items = await news.NewestAsync(ct: ct);
        var root = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/{culture}/news";
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false, Async = false }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, culture);
            xml.WriteElementString("title", Atom, $"{text["FeedTitle"]} · {shared["PortalName"]}");
            xml.WriteElementString("id", Atom, root + "/feed.atom");
            Link(xml, "self", root + "/feed.atom", "application/atom+xml");
            Link(xml, "alternate", root, "text/html");
            var updated = items.Count > 0 ? items.Max(i => i.UpdatedAt > i.PublishedAt ? i.UpdatedAt : i.PublishedAt) : time.GetUtcNow().UtcDateTime;
            xml.WriteElementString("updated", Atom, Instant(updated));
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, shared["PortalName"]);
            xml.WriteEndElement();
            foreach (var item in items)
            {
                var (title, _) = Bilingual.Pick(item.TitleAr, item.TitleEn, culture);
                var (summary, _) = Bilingual.Pick(item.SummaryAr, item.SummaryEn, culture);
                var (body, _) = Bilingual.Pick(item.BodyAr, item.BodyEn, culture);
                var url = $"{root}/{item.Slug}";
                xml.WriteStartElement("entry", Atom);
                xml.WriteElementString("title", Atom, title ?? item.Slug);
                xml.WriteElementString("id", Atom, url);
                Link(xml, "alternate", url, "text/html");
                xml.WriteElementString("updated", Atom, Instant(item.UpdatedAt > item.PublishedAt ? item.UpdatedAt : item.PublishedAt));
                xml.WriteElementString("published", Atom, Instant(item.PublishedAt));
                if (summary is not null)
                {
                    xml.WriteElementString("summary", Atom, summary);
                }
                if (body is not null)
                {
                    xml.WriteStartElement("content", Atom);
                    xml.WriteAttributeString("type", "html");
                    xml.WriteString(SafeHtml.Markdown(body));
                    xml.WriteEndElement();
                }
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

    private static string Instant(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
