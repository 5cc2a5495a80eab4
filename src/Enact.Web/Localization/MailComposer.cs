using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Enact.Core.Email;

namespace Enact.Web.Localization;

/// <summary>
/// One e-mail written once, as parts in reading order (paragraphs, a quoted message, a link), and rendered twice from
/// them: an HTML body (every value encoded, <c>lang</c> and <c>dir</c> of the recipient's language) and a plain-text body
/// (the same words as they are). Write the parts inside <c>using var _ = Cultures.Use(language);</c> so the texts and
/// dates are the recipient's.
/// </summary>
public sealed class MailComposer
{
    // Arabic stays readable in the HTML source; markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly List<(PartKind Kind, string First, string Second)> _parts = [];
    private readonly List<MailAttachment> _attachments = [];

    public MailComposer(string language, string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        Language = language == Cultures.English ? Cultures.English : Cultures.Arabic;
        Subject = subject;
    }

    private enum PartKind
    {
        Paragraph,
        Quote,
        Link,
    }

    /// <summary>"ar" or "en" (anything else is Arabic, as <see cref="Cultures.Get"/> has it).</summary>
    public string Language { get; }

    public string Subject { get; }

    /// <summary>A paragraph; its line breaks are kept.</summary>
    public MailComposer Paragraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _parts.Add((PartKind.Paragraph, text, ""));
        return this;
    }

    public MailComposer Paragraphs(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            Paragraph(text);
        }
        return this;
    }

    /// <summary>A message someone wrote (for example an editor's answer), under a heading.</summary>
    public MailComposer Quote(string heading, string quoted)
    {
        ArgumentNullException.ThrowIfNull(heading);
        ArgumentNullException.ThrowIfNull(quoted);
        _parts.Add((PartKind.Quote, heading, quoted));
        return this;
    }

    /// <summary>What to do and where: a link in the HTML, the words then the address on its own line in the text.</summary>
    public MailComposer Link(string action, string url)
    {
        ArgumentNullException.ThrowIfNull(action);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException("A link in an e-mail must be an absolute http(s) address.", nameof(url));
        }
        _parts.Add((PartKind.Link, action, url));
        return this;
    }

    public MailComposer Attach(MailAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        _attachments.Add(attachment);
        return this;
    }

    public string HtmlBody()
    {
        var dir = Cultures.IsRightToLeft(Cultures.Get(Language)) ? "rtl" : "ltr";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(Language).Append("\" dir=\"").Append(dir)
            .Append("\"><head><meta charset=\"utf-8\"><title>").Append(Encode(Subject)).Append("</title></head><body>");
        foreach (var (kind, first, second) in _parts)
        {
            html.Append(kind switch
            {
                PartKind.Quote => $"<p><strong>{Encode(first)}</strong></p><blockquote><p>{Encode(second)}</p></blockquote>",
                PartKind.Link => $"<p><a href=\"{Html.Encode(second)}\">{Encode(first)}</a></p>",
                _ => $"<p>{Encode(first)}</p>",
            });
        }
        return html.Append("</body></html>").ToString();
    }

    public string TextBody()
        => string.Join("\n\n", _parts.Select(p => p.Kind == PartKind.Paragraph ? p.First : $"{p.First}\n{p.Second}")) + "\n";

    /// <summary>The message to <paramref name="address"/>, with both bodies and the attachments.</summary>
    public OutgoingMail To(string address)
        => new(address, Subject, HtmlBody(), TextBody()) { Attachments = [.. _attachments] };

    /// <summary>Encoded text whose line breaks become &lt;br&gt;.</summary>
    private static string Encode(string text)
        => string.Join("<br>", text.ReplaceLineEndings("\n").Split('\n').Select(Html.Encode));
}
