using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Enact.Core.Email;
using Enact.Core.Organisations;
using Enact.Tests.Infrastructure;
using Enact.Web.Features.Admin.Users;
using Enact.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Enact.Tests.Email;

/// <summary>A mail is written in its recipient's language inside a culture scope that always gives the request its culture back.</summary>
public sealed class WritingInTheRecipientsCultureTests
{
    [Fact]
    public void Inside_the_scope_both_cultures_are_the_recipients_with_Gregorian_dates_in_Arabic()
    {
        RunIn("fr-FR", () =>
        {
            using (Cultures.Use("ar"))
            {
                Assert.Equal("ar", CultureInfo.CurrentCulture.Name);
                Assert.Equal("ar", CultureInfo.CurrentUICulture.Name);
                Assert.IsType<GregorianCalendar>(CultureInfo.CurrentCulture.DateTimeFormat.Calendar);
                Assert.Contains("2027", new DateTime(2027, 3, 31, 0, 0, 0, DateTimeKind.Utc).ToString("d MMMM yyyy", CultureInfo.CurrentCulture), StringComparison.Ordinal);
            }
            using (Cultures.Use("en"))
            {
                Assert.Equal("en", CultureInfo.CurrentCulture.Name);
                Assert.Equal("en", CultureInfo.CurrentUICulture.Name);
            }
            AssertCultures("fr-FR", "fr-FR");
        });
    }

    [Fact]
    public void The_previous_cultures_come_back_when_the_writing_throws()
    {
        RunIn("fr-FR", () =>
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            Action write = () =>
            {
                using var _ = Cultures.Use("en");
                AssertCultures("en", "en");
                throw new InvalidOperationException("a text could not be written");
            };
            Assert.Throws<InvalidOperationException>(write);
            AssertCultures("fr-FR", "de-DE");
        });
    }

    [Fact]
    public void Nested_scopes_give_back_each_previous_culture_in_turn()
    {
        RunIn("en", () =>
        {
            using (Cultures.Use("ar"))
            {
                using (Cultures.Use("en"))
                {
                    AssertCultures("en", "en");
                }
                AssertCultures("ar", "ar");
            }
            AssertCultures("en", "en");
        });
    }

    [Fact]
    public async Task A_writer_leaves_the_requests_culture_as_it_found_it()
    {
        await using var app = await EnactFactory.StartAsync();
        var membership = app.Services.GetRequiredService<IMembershipMessages>();
        RunIn("en", () =>
        {
            var mail = membership.Decision(new MembershipDecisionFacts("laila@test.example", "ليلى", "ar", "الشبكة", true, "http://localhost/ar/organisations/1"));
            Assert.Equal("أصبحت عضوًا في الشبكة", mail.Subject);
            AssertCultures("en", "en");
        });
    }

    private static void AssertCultures(string culture, string uiCulture)
    {
        Assert.Equal(culture, CultureInfo.CurrentCulture.Name);
        Assert.Equal(uiCulture, CultureInfo.CurrentUICulture.Name);
    }

    /// <summary>Runs with a known culture, then puts the test runner's back whatever happened.</summary>
    private static void RunIn(string culture, Action action)
    {
        var (saved, savedUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (saved, savedUi);
        }
    }
}

/// <summary>Every mail is one set of parts rendered twice: HTML (encoded, with the language's direction) and plain text.</summary>
public sealed partial class ComposingAMailTests
{
    private const string Hostile = "<script>alert(\"x\")</script> & 'Co'";

    [Theory]
    [InlineData("ar", "rtl")]
    [InlineData("en", "ltr")]
    public void The_HTML_carries_the_language_and_its_direction(string language, string dir)
    {
        var html = Parse(new MailComposer(language, "s").Paragraph("p").HtmlBody());
        Assert.Equal(language, html.DocumentElement.GetAttribute("lang"));
        Assert.Equal(dir, html.DocumentElement.GetAttribute("dir"));
        Assert.Equal("s", html.Title);
    }

    [Fact]
    public void Text_and_HTML_carry_the_same_link_after_the_same_words()
    {
        const string link = "http://localhost/ar/account/confirm-email?userId=1&code=a-b_c";
        var mail = new MailComposer("ar", "تأكيد").Paragraph("مرحبًا").Link("تأكيد البريد", link).Paragraph("فريق البوابة").To("a@test.example");

        var anchor = Assert.Single(Parse(mail.HtmlBody).QuerySelectorAll("a"));
        Assert.Equal(link, anchor.GetAttribute("href"));
        Assert.Equal("تأكيد البريد", anchor.TextContent);
        Assert.Equal([link], LinksIn(mail.TextBody));
        Assert.Equal("مرحبًا\n\nتأكيد البريد\n" + link + "\n\nفريق البوابة\n", mail.TextBody);
        Assert.Equal(["مرحبًا", "تأكيد البريد", "فريق البوابة"], Parse(mail.HtmlBody).QuerySelectorAll("body > p").Select(p => p.TextContent));
    }

    [Fact]
    public void What_people_wrote_is_encoded_in_the_HTML_and_left_readable_in_the_text()
    {
        var mail = new MailComposer("en", "Answer for " + Hostile)
            .Paragraph("Hello " + Hostile + ",")
            .Quote("The editors' message:", "First line <b>\nSecond line & more")
            .To("a@test.example");

        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", mail.HtmlBody, StringComparison.Ordinal);
        var html = Parse(mail.HtmlBody);
        Assert.Empty(html.QuerySelectorAll("script, b"));
        Assert.Equal("Answer for " + Hostile, html.Title);
        Assert.Equal("Hello " + Hostile + ",", html.QuerySelector("body > p")!.TextContent);
        Assert.Equal("First line &lt;b&gt;<br>Second line &amp; more", html.QuerySelector("blockquote p")!.InnerHtml);

        Assert.Equal("Hello " + Hostile + ",\n\nThe editors' message:\nFirst line <b>\nSecond line & more\n", mail.TextBody);
    }

    [Fact]
    public void Arabic_stays_readable_in_the_HTML_source()
    {
        var mail = new MailComposer("ar", "مرحبا").Paragraph("نص عربي").To("a@test.example");
        Assert.Contains("<p>نص عربي</p>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_web_addresses_are_links()
    {
        var composer = new MailComposer("en", "s");
        Assert.Throws<ArgumentException>(() => composer.Link("Open", "javascript:alert(1)"));
        Assert.Throws<ArgumentException>(() => composer.Link("Open", "/en/relative"));
    }

    [Fact]
    public async Task Attachments_and_both_bodies_reach_the_message_written_to_the_folder()
    {
        await using var app = await EnactFactory.StartAsync();
        var mail = new MailComposer("ar", "دعوة")
            .Paragraph("مرحبًا " + Hostile)
            .Link("صفحة الفعالية", "http://localhost/ar/events/forum")
            .Attach(new MailAttachment("forum.ics", "text/calendar; charset=utf-8; method=PUBLISH", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")))
            .To("reader@test.example");
        await app.Services.GetRequiredService<IMailSender>().SendAsync(mail);

        var message = Assert.Single(TestClient.MailTo(app, "reader@test.example"));
        Assert.Equal("دعوة", message.Subject);
        Assert.Contains("مرحبًا " + Hostile, message.TextBody, StringComparison.Ordinal);
        Assert.Equal("http://localhost/ar/events/forum", Parse(message.HtmlBody).QuerySelector("a")!.GetAttribute("href"));
        var ics = Assert.Single(message.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("forum.ics", ics.FileName);
        Assert.Equal("/ar/events/forum", TestClient.LinkInMail(app, "reader@test.example", "/events/"));
    }

    /// <summary>The portal's writers, with their real texts, keep to the composer's rules.</summary>
    [Fact]
    public async Task The_portals_mails_encode_names_and_messages_and_link_alike_in_both_bodies()
    {
        await using var app = await EnactFactory.StartAsync();
        var link = "http://localhost/ar/organisations/my-offers";
        var answer = app.Services.GetRequiredService<ICollaborationMessages>().Answer(
            new OfferAnswerFacts("a@test.example", Hostile, "ar", "ورشة <الثقة>", "R&D \"Lab\"", true, "سطر أول\n" + Hostile, link));
        var decision = app.Services.GetRequiredService<IMembershipMessages>().Decision(
            new MembershipDecisionFacts("b@test.example", Hostile, "en", "R&D <Lab>", false, "http://localhost/en/organisations/7"));
        var invitation = InvitationMail.Compose(app.Services.GetRequiredService<IStringLocalizer<AdminText>>(), "ar", "c@test.example", Hostile,
            "http://localhost/ar/account/accept-invitation?userId=1&code=x");

        foreach (var (mail, language) in new[] { (answer, "ar"), (decision, "en"), (invitation, "ar") })
        {
            var html = Parse(mail.HtmlBody);
            Assert.Equal(language, html.DocumentElement.GetAttribute("lang"));
            Assert.Equal(language == "ar" ? "rtl" : "ltr", html.DocumentElement.GetAttribute("dir"));
            Assert.Empty(html.QuerySelectorAll("script"));
            Assert.Contains(Hostile, html.Body!.TextContent, StringComparison.Ordinal);
            Assert.Contains(Hostile, mail.TextBody, StringComparison.Ordinal);
            Assert.Equal(LinksIn(mail.TextBody), html.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!));
        }
        Assert.Equal("سطر أول<br>" + "&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; 'Co'", Parse(answer.HtmlBody).QuerySelector("blockquote p")!.InnerHtml);
        Assert.Contains("R&D <Lab>", decision.TextBody, StringComparison.Ordinal);
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string? html) => new HtmlParser().ParseDocument(html ?? "");

    private static List<string> LinksIn(string? text) => [.. LinkPattern().Matches(text ?? "").Select(m => m.Value)];

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
