using System.Net;
using Ganss.Xss;
using Markdig;

namespace Enact.Core.CaseStudies;

/// <summary>HTML that may be written into a page as is: search highlights (only &lt;mark&gt;) and sanitized Markdown.</summary>
public static class SafeHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();
    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>
    /// A highlighter's output reduced to text and &lt;mark&gt;: each piece between marks is decoded and encoded again, so
    /// whatever markup a source text carried is shown as text.
    /// </summary>
    public static string Highlight(string highlighted)
    {
        var builder = new System.Text.StringBuilder(highlighted.Length + 16);
        var open = false;
        var rest = highlighted.AsSpan();
        while (rest.Length > 0)
        {
            var tag = open ? "</mark>" : "<mark>";
            var at = rest.IndexOf(tag, StringComparison.Ordinal);
            var piece = at < 0 ? rest : rest[..at];
            builder.Append(WebUtility.HtmlEncode(WebUtility.HtmlDecode(piece.ToString())));
            if (at < 0)
            {
                break;
            }
            builder.Append(tag);
            open = !open;
            rest = rest[(at + tag.Length)..];
        }
        if (open)
        {
            builder.Append("</mark>");
        }
        return builder.ToString();
    }

    /// <summary>Markdown (raw HTML disabled) rendered and sanitized.</summary>
    public static string Markdown(string markdown)
    {
        var html = Markdig.Markdown.ToHtml(markdown, Pipeline);
        return Sanitizer.Sanitize(html);
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedAttributes.Remove("class");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { TagName: "A" } link)
            {
                link.SetAttribute("rel", "noopener nofollow");
            }
        };
        return sanitizer;
    }
}
