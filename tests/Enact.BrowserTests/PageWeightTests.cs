using System.Collections.Concurrent;
using System.Globalization;
using Enact.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Enact.BrowserTests;

/// <summary>Readers on slow, expensive connections: a first visit of a public page transfers at most 30 KB, CSS included.</summary>
public sealed class PageWeightTests(EnactServer server, BrowserFixture browser)
{
    private const int BudgetBytes = 30 * 1024;

    [Theory]
    [InlineData("/ar/")]
    [InlineData("/en/")]
    [InlineData("/ar/enact")]
    [InlineData("/ar/projects")]
    [InlineData("/ar/events")]
    [InlineData("/ar/events/enact-launch-2023")]
    public async Task First_visit_transfers_at_most_30_KB(string path)
    {
        await using var session = await browser.NewSessionAsync(server);
        var requests = new ConcurrentQueue<IRequest>();
        session.Page.RequestFinished += (_, request) => requests.Enqueue(request);

        var response = await session.Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle })
            ?? throw new InvalidOperationException($"No response for {path}.");
        Assert.Equal(200, response.Status);

        var lines = new List<(string Url, long Bytes)>();
        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            // Bytes on the wire: headers plus the (compressed) body; a response header size of -1 means unknown.
            lines.Add((request.Url, Math.Max(0, sizes.ResponseHeadersSize) + Math.Max(0, sizes.ResponseBodySize)
                + Math.Max(0, sizes.RequestHeadersSize) + Math.Max(0, sizes.RequestBodySize)));
        }
        var total = lines.Sum(l => l.Bytes);
        var report = string.Join("\n  ", lines.Select(l => string.Create(CultureInfo.InvariantCulture, $"{l.Bytes,7} {l.Url}")));

        Assert.Contains(lines, l => new Uri(l.Url).AbsolutePath.EndsWith(".css", StringComparison.Ordinal));
        Assert.True(total <= BudgetBytes,
            string.Create(CultureInfo.InvariantCulture, $"The first visit of {path} transferred {total} bytes, over the budget of {BudgetBytes}:\n  {report}"));

        await session.CheckAsync(response);
        await session.AssertPagesValidAsync();
    }
}
