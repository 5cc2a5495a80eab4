using Enact.BrowserTests.Infrastructure;

namespace Enact.BrowserTests;

/// <summary>
/// Review to publication in English, through the real pages: an editor screens the demo submission and assigns a
/// reviewer, the reviewer scores it on the rubric, the editor accepts and publishes it, and the public page shows it.
/// Editors and reviewers set up two-factor authentication first, as the portal requires.
/// </summary>
public sealed class ReviewFlowTests(EnactServer server, BrowserFixture browser)
{
    private const string Culture = "en";

    /// <summary>The demo submission waiting for an editor (Enact.Core.Review.ReviewDemoContent.SubmittedId).</summary>
    private const string DemoSubmission = "demo-jo-e-health-records";

    [Fact]
    public async Task Editor_screens_and_assigns_reviewer_scores_editor_accepts_and_publishes()
    {
        await using var editor = await browser.NewSessionAsync(server, locale: Culture);
        await using var reviewer = await browser.NewSessionAsync(server, locale: Culture);
        await SetUpAsync(editor, "Editor", "Review Test Editor");
        var reviewerEmail = await SetUpAsync(reviewer, "Reviewer", "Review Test Reviewer");

        // The editor finds the submission in the queue and opens it.
        await editor.GotoAsync($"/{Culture}/review");
        await editor.ClickAsync(editor.Page.Locator($"table.queue a[href='/{Culture}/review/{DemoSubmission}']"));
        Assert.Equal("submitted", await editor.Page.Locator("#current-state").GetAttributeAsync("data-state"));

        await editor.ClickAsync(editor.Page.Locator("form#action-screening button"));
        Assert.Equal("screening", await editor.Page.Locator("#current-state").GetAttributeAsync("data-state"));

        var option = editor.Page.Locator("#ReviewerId option", new() { HasText = reviewerEmail });
        await editor.Page.Locator("#ReviewerId").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Value = await option.GetAttributeAsync("value") });
        await editor.ClickAsync(editor.Page.Locator("form#assign-form button"));
        Assert.Equal("in-review", await editor.Page.Locator("#current-state").GetAttributeAsync("data-state"));

        // The reviewer follows the e-mail, scores every criterion and submits.
        var invitation = await server.WaitForMailAsync(reviewerEmail);
        await reviewer.GotoAsync(EnactServer.LinkIn(invitation, "/review/assignments/"));
        var scores = new Dictionary<string, int> { ["Novelty"] = 4, ["Results"] = 5, ["Replicability"] = 4, ["Inclusion"] = 3, ["Sustainability"] = 4 };
        foreach (var (criterion, score) in scores)
        {
            await reviewer.Page.Locator($"input[name='Input.{criterion}'][value='{score}']").CheckAsync();
            await reviewer.FillAsync($"Input.{criterion}Comment", $"{criterion}: convincing.");
        }
        await reviewer.FillAsync("Input.Comment", "Recommended for publication.");
        await reviewer.ClickAsync(reviewer.Page.Locator("button[name='Intent'][value='submit']"));
        Assert.Equal(0, await reviewer.Page.Locator("form#rubric-form").CountAsync());
        await reviewer.GotoAsync($"/{Culture}/review/assignments");

        // The editor sees the review, accepts with a reason and publishes.
        await editor.GotoAsync($"/{Culture}/review/{DemoSubmission}");
        Assert.Equal("4.0", (await editor.Page.Locator("td.average").First.InnerTextAsync()).Trim());
        await editor.Page.Locator("#reason-accepted").FillAsync("Clear results, replicable across the region.");
        await editor.ClickAsync(editor.Page.Locator("form#action-accepted button"));
        Assert.Equal("accepted", await editor.Page.Locator("#current-state").GetAttributeAsync("data-state"));
        await editor.ClickAsync(editor.Page.Locator("form#action-published button"));
        Assert.Equal("published", await editor.Page.Locator("#current-state").GetAttributeAsync("data-state"));

        await editor.GotoAsync($"/{Culture}/case-studies/{DemoSubmission}");
        Assert.Contains("Electronic health records", await editor.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        await editor.AssertPagesValidAsync();
        await reviewer.AssertPagesValidAsync();
    }

    /// <summary>
    /// Creates an account in <paramref name="role"/> with the command line, signs in with the one-time password,
    /// chooses a new one, sets up two-factor authentication and ends signed in; answers the address.
    /// </summary>
    private static async Task<string> SetUpAsync(BrowserSession session, string role, string name)
        => (await PeopleSteps.SetUpAccountAsync(session, Culture, role, role.ToLowerInvariant(), name)).Email;
}
