using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Enact.BrowserTests.Infrastructure;

/// <summary>
/// One person's browser (a fresh context) on the real server. Every page reached through <see cref="GotoAsync"/> or
/// <see cref="ClickAsync"/> is checked at once with axe-core (WCAG 2.1 A and AA) and kept for the Nu HTML Checker,
/// which checks all of them in one run when the test calls <see cref="AssertPagesValidAsync"/> at its end.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly AxeRunOptions AxeOptions = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    private readonly List<HtmlValidator.Document> _documents = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly bool _javaScript;

    internal BrowserSession(EnactServer server, IBrowserContext context, IPage page, bool javaScript)
    {
        Server = server;
        Context = context;
        Page = page;
        _javaScript = javaScript;
    }

    public EnactServer Server { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>The current address as a path and query ("/ar/enact").</summary>
    public string CurrentPath => new Uri(Page.Url).PathAndQuery;

    /// <summary>Opens a path, expects the final document (after redirects) to answer <paramref name="status"/>, and checks it.</summary>
    public async Task<IResponse> GotoAsync(string path, int status = 200)
    {
        var response = await Page.GotoAsync(path) ?? throw new InvalidOperationException($"No response for {path}.");
        await ExpectAndCheckAsync(response, status, $"GET {path}");
        return response;
    }

    /// <summary>Clicks something that loads a new document (a link, a submit button), waits for it and checks it.</summary>
    public async Task<IResponse> ClickAsync(ILocator target, int status = 200)
    {
        var response = await Page.RunAndWaitForResponseAsync(() => target.ClickAsync(), IsFinalDocument);
        await ExpectAndCheckAsync(response, status, $"{response.Request.Method} {new Uri(response.Url).PathAndQuery}");
        return response;
    }

    /// <summary>Presses a key that loads a new document (Enter in a form), waits for it and checks it.</summary>
    public async Task<IResponse> PressAsync(ILocator target, string key, int status = 200)
    {
        var response = await Page.RunAndWaitForResponseAsync(() => target.PressAsync(key), IsFinalDocument);
        await ExpectAndCheckAsync(response, status, $"{response.Request.Method} {new Uri(response.Url).PathAndQuery}");
        return response;
    }

    /// <summary>
    /// Submits the form that holds the field named <paramref name="fieldName"/> with its (first) submit button,
    /// waits for the resulting document and checks it.
    /// The page it leads to must show no validation errors (an error summary or a field's message), which are reported.
    /// </summary>
    public async Task<IResponse> SubmitFormWithAsync(string fieldName, int status = 200)
    {
        var form = Page.Locator($"form:has([name='{fieldName}'])");
        Assert.True(await form.CountAsync() > 0, $"No form with a field named {fieldName} on {Page.Url}.");
        var response = await ClickAsync(form.First.Locator("button[type=submit], input[type=submit], button:not([type])").First, status);
        var errors = new List<string>();
        foreach (var message in await Page.Locator(".error-summary, .validation-summary-errors, .field-validation-error").AllAsync())
        {
            var text = (await message.InnerTextAsync()).Trim();
            if (text.Length > 0 && await message.IsVisibleAsync())
            {
                errors.Add(text.ReplaceLineEndings(" "));
            }
        }
        Assert.True(errors.Count == 0, $"Submitting the form with {fieldName} led to {CurrentPath} showing errors:\n  " + string.Join("\n  ", errors));
        return response;
    }

    /// <summary>Fills a field found by its name, e.g. "Input.Email".</summary>
    public Task FillAsync(string fieldName, string value) => Page.Locator($"[name='{fieldName}']").FillAsync(value);

    /// <summary>Runs axe-core on the current page and keeps the served HTML for the HTML checker.</summary>
    public async Task CheckAsync(IResponse response)
    {
        var url = new Uri(response.Url).PathAndQuery;
        var html = await response.TextAsync();
        if (_seen.Add(html))
        {
            _documents.Add(new HtmlValidator.Document(url, html));
            await AssertAccessibleAsync(url);
        }
    }

    /// <summary>Checks every document this session was served with the Nu HTML Checker: no errors (warnings and info are allowed).</summary>
    public async Task AssertPagesValidAsync()
    {
        Assert.True(_documents.Count > 0, "The test visited no page to check.");
        var messages = await HtmlValidator.CheckAsync(_documents);
        var errors = messages.Where(m => m.Type is "error" or "non-document-error").ToList();
        Assert.True(errors.Count == 0,
            $"The Nu HTML Checker found {errors.Count} error(s) in {_documents.Count} page(s):\n  " + string.Join("\n  ", errors));
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();

    private async Task ExpectAndCheckAsync(IResponse response, int status, string what)
    {
        // The document's own state is polled through the DevTools protocol rather than waiting on Playwright's record of
        // load events: that record was seen missing after a redirect chain, and without JavaScript a DOMContentLoaded
        // event was once seen to slip past the waiter while "load" and "networkidle" arrived (a 60 s timeout in CI).
        await WaitForCompleteAsync(response.Url);
        if (response.Status != status)
        {
            var body = await response.TextAsync();
            Assert.Fail($"{what} answered {response.Status}, expected {status}, at {Page.Url}.\n{Truncate(body, 1000)}\nServer output (end):\n{Truncate(Server.Output, 4000, fromEnd: true)}");
        }
        await CheckAsync(response);
    }

    /// <summary>
    /// Waits until the page shows the document of <paramref name="url"/> (the navigation has committed) and that document's
    /// readyState is "complete". The state is read through the DevTools protocol, which works with JavaScript off too.
    /// (WaitForFunctionAsync compiles its predicate inside the page when it has to poll, which the Content-Security-Policy
    /// without 'unsafe-eval' refuses: an intermittent EvalError.)
    /// </summary>
    private async Task WaitForCompleteAsync(string url)
    {
        var expected = WithoutFragment(url);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                if (WithoutFragment(Page.Url) == expected && await Page.EvaluateAsync<string>("document.readyState") == "complete")
                {
                    return;
                }
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                // The document is being replaced by a navigation: ask the new one.
            }
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"{Page.Url} did not finish loading {url}.");
            }
            await Task.Delay(50);
        }
    }

    private static string WithoutFragment(string url)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        return hash < 0 ? url : url[..hash];
    }

    private async Task AssertAccessibleAsync(string url)
    {
        AxeResult result;
        if (_javaScript)
        {
            result = await Page.RunAxe(AxeOptions);
        }
        else
        {
            // axe-core is a script: with JavaScript off, audit the very same served document in a scripted page of this context's browser.
            var browser = Context.Browser ?? throw new InvalidOperationException("No browser.");
            await using var scripted = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Server.BaseAddress.ToString() });
            var page = await scripted.NewPageAsync();
            await page.GotoAsync(url);
            result = await page.RunAxe(AxeOptions);
        }
        var violations = result.Violations ?? [];
        if (violations.Length == 0)
        {
            return;
        }
        var report = new StringBuilder();
        report.Append("axe-core found ").Append(violations.Length).Append(" WCAG 2.1 A/AA violation(s) on ").Append(url).AppendLine(":");
        foreach (var violation in violations)
        {
            report.Append("  ").Append(violation.Id).Append(" (").Append(violation.Impact).Append("): ").AppendLine(violation.Help);
            foreach (var node in violation.Nodes ?? [])
            {
                report.Append("      ").Append(node.Target?.ToString()).Append("  ").AppendLine(Truncate(node.Html ?? "", 200));
            }
        }
        Assert.Fail(report.ToString());
    }

    private bool IsFinalDocument(IResponse response)
        => response.Request.IsNavigationRequest && response.Frame == Page.MainFrame && response.Status is < 300 or >= 400;

    private static string Truncate(string text, int max, bool fromEnd = false)
        => text.Length <= max ? text : fromEnd ? "…" + text[^max..] : text[..max] + "…";
}
