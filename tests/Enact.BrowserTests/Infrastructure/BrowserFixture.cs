using Microsoft.Playwright;

namespace Enact.BrowserTests.Infrastructure;

/// <summary>
/// One headless Chromium for the whole test assembly: Debian's /usr/bin/chromium, never a browser downloaded by Playwright.
/// When Chromium (or Java and the HTML checker) is missing, nothing is launched and each test skips, or fails under CI.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Requirements.ChromiumPath))
        {
            return;
        }
        // Playwright must never try to fetch a browser of its own: the machines have no internet.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Requirements.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>
    /// A fresh browser context (no cookies, empty cache) on the server, whose pages are checked with axe-core
    /// and the Nu HTML Checker. Skips the test (fails it under CI) when the tools are missing.
    /// </summary>
    public async Task<BrowserSession> NewSessionAsync(EnactServer server, bool javaScript = true, string locale = "ar", string? timezoneId = null)
    {
        Requirements.Require();
        var browser = _browser ?? throw new InvalidOperationException("Chromium was not launched.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.BaseAddress.ToString(),
            JavaScriptEnabled = javaScript,
            Locale = locale,
            TimezoneId = timezoneId,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(60_000); // a guard against hangs on a loaded 2-core machine, not a speed check
        var page = await context.NewPageAsync();
        return new BrowserSession(server, context, page, javaScript);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
    }
}
