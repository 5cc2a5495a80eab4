using System.Net;
using System.Text.Json;
using Enact.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Enact.Tests.Platform;

public sealed class ErrorPageTests
{
    [Theory]
    [InlineData("/ar/no-such-page", "ar", "الصفحة غير موجودة")]
    [InlineData("/en/no-such-page", "en", "Page not found")]
    public async Task Unknown_pages_answer_404_with_a_localized_page(string path, string lang, string heading)
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient();
        var page = await client.GetPageAsync(path, HttpStatusCode.NotFound);
        Assert.Equal(lang, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        // The language switch offers the page that was asked for, not the error page's own address.
        var other = lang == "ar" ? "en" : "ar";
        Assert.Equal($"/{other}/no-such-page", page.QuerySelector($"header a[hreflang={other}]")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("/ar/boom", "حدث خطأ غير متوقع")]
    [InlineData("/en/boom", "Something went wrong")]
    public async Task A_failure_answers_500_with_a_localized_page_that_leaks_nothing(string path, string heading)
    {
        await using var app = await EnactFactory.StartAsync(services: Throwing);
        using var client = app.CreateTestClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Equal(heading, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("secret detail", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_endpoints_answer_problem_details()
    {
        await using var app = await EnactFactory.StartAsync(services: Throwing);
        using var client = app.CreateTestClient();
        using var missing = await client.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await missing.Content.ReadAsStringAsync());
        Assert.Equal(404, json.RootElement.GetProperty("status").GetInt32());

        using var failed = await client.GetAsync("/api/boom");
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("application/problem+json", failed.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("secret detail", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_security_headers_and_a_csp_without_unsafe_inline()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient();
        using var response = await client.GetAsync("/ar/");
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.False(response.Headers.Contains("Server"));
        // No inline script or style on the page either, or the CSP would break it.
        var page = await TestClient.ParseAsync(response);
        Assert.Empty(page.QuerySelectorAll("script:not([src]), style, [style]"));
    }

    [Fact]
    public async Task Health_reports_database_and_search_index()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient();
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("search-index").GetString());
    }

    [Fact]
    public async Task Health_is_unhealthy_when_the_search_index_cannot_be_written()
    {
        await using var app = await EnactFactory.StartAsync();
        var index = Path.Combine(app.DataDirectory, "index");
        // Renaming is atomic; deleting recursively races the indexer, which may add files meanwhile.
        Directory.Move(index, index + "-moved-away");
        await File.WriteAllTextAsync(index, "not a folder");
        using var client = app.CreateTestClient();
        using var response = await client.GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    [Fact]
    public async Task Responses_are_compressed_for_clients_that_accept_it()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ar/");
        request.Headers.Add("Accept-Encoding", "br, gzip");
        using var response = await client.Http.SendAsync(request);
        Assert.Contains(response.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
    }

    private static void Throwing(IServiceCollection services)
        => services.AddSingleton<IStartupFilter>(new ThrowingEndpoints());

    private sealed class ThrowingEndpoints : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
                context.Request.Path.Value is "/ar/boom" or "/en/boom" or "/api/boom"
                    ? throw new InvalidOperationException("secret detail")
                    : nextMiddleware(context));
        };
    }
}
