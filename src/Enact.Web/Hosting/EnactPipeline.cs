using Enact.Web.Features.CaseStudies;
using Enact.Web.Features.Submissions;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;

namespace Enact.Web.Hosting;

public static class EnactPipeline
{
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var database = app.Services.GetRequiredService<IOptions<Core.Data.DatabaseOptions>>().Value;
        if (!database.MigrateOnStart && database.IsPostgres)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    }

    public static WebApplication UseEnactPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders(SecurityHeaders.Policy(app.Environment.IsDevelopment()));
        app.UseResponseCompression();

        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        // Public search answers for people not signed in (PublicSearchCache); before the culture cookie, which a kept
        // answer carries, and before routing, which a kept answer does not need.
        app.UseOutputCache();
        app.UseMiddleware<CultureCookie>();

        // JSON endpoints answer errors as problem details; pages get a localized error page.
        app.UseWhen(c => IsApi(c.Request), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c.Request), pages =>
        {
            pages.UseExceptionHandler("/error/500");
            pages.UseStatusCodePagesWithReExecute("/error/{0}");
        });

        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<AccountGate>();

        app.MapStaticAssets();
        app.MapRazorPages();
        app.MapOpenApi();
        app.MapCaseStudiesApi();
        app.MapSubmissionFiles();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).DisableRateLimiting();
        app.MapGet("/", (HttpContext context) =>
        {
            var culture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture;
            var code = culture?.TwoLetterISOLanguageName == Cultures.English ? Cultures.English : Cultures.Arabic;
            return Results.Redirect($"/{code}/");
        });
        return app;
    }

    private static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Remembers the language read in the URL, so "/" opens the portal in it next time.</summary>
public sealed class CultureCookie(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var culture = Cultures.FromPath(context.Request.Path.Value);
        if (culture is not null && HttpMethods.IsGet(context.Request.Method))
        {
            var value = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture));
            if (!string.Equals(context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName], value, StringComparison.Ordinal))
            {
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, value, new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    HttpOnly = true,
                });
            }
        }
        return next(context);
    }
}
