using System.Threading.RateLimiting;
using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.CaseStudies;
using Enact.Core.Data;
using Enact.Core.Email;
using Enact.Core.Reference;
using Enact.Web.Features.Review;
using Enact.Web.Features.Submissions;
using Enact.Web.Features.Calls;
using Enact.Web.Localization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Hosting;

public static class EnactServices
{
    public const string AuthRateLimit = "auth";

    /// <summary>Registers everything the portal needs; Program.cs stays short.</summary>
    public static WebApplicationBuilder AddEnact(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        var data = DataDirectory.FromEnvironment(configuration["Enact:DataDirectory"]);
        services.AddSingleton(data);
        services.AddSingleton(TimeProvider.System);
        services.Configure<EnactOptions>(configuration.GetSection(EnactOptions.Section));
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.Section));

        var database = DatabaseSetup.ReadOptions(configuration);
        var connectionString = configuration.GetConnectionString("Enact");
        services.AddDbContext<EnactDbContext>(o => DatabaseSetup.Configure(o, database, connectionString, data));

        services.AddScoped<AuditTrail>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<AccountDirectory>();
        services.AddScoped<AuditLog>();
        services.AddScoped<CountryAdministration>();
        services.AddSingleton<IMailSender, MailSender>();
        services.AddSingleton<MailFolder>();
        services.AddScoped<DatabaseInitializer>();
        services.AddCaseStudies();
        services.AddSubmissions();
        Features.Events.EventsSetup.AddEventsFeature(services);
        services.AddReviewFeature();
        services.AddCallPages();
        Features.Project.ProjectsSetup.AddProjectsFeature(services);
        services.AddOpenApi();

        services.AddDataProtection()
            .SetApplicationName("Enact")
            .PersistKeysToDbContext<EnactDbContext>();

        services.AddEnactIdentity();
        services.AddEnactAuthorization();

        services.Configure<RouteOptions>(o => o.ConstraintMap["culture"] = typeof(CultureRouteConstraint));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures.ArabicCulture, Cultures.ArabicCulture);
            o.SupportedCultures = [Cultures.ArabicCulture, Cultures.EnglishCulture];
            o.SupportedUICultures = [Cultures.ArabicCulture, Cultures.EnglishCulture];
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders =
            [
                new PathCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.Add(new CulturePrefixConvention());
                o.Conventions.AuthorizeFolder("/Admin", Policies.Administrator);
                o.Conventions.AuthorizeFolder("/Account/Manage");
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = FeatureTexts.For);

        // A reverse proxy on the same host (loopback, the default known proxy) may tell the client's address and scheme.
        services.Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto);
        services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<IStringLocalizerFactory>((o, factory) =>
        {
            // Model binding messages ("the value 'x' is not valid") in the reader's language too.
            var t = factory.Create(typeof(SharedText));
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((value, field) => t["BindingValueInvalid", value, field]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t["BindingValueInvalidNoField", value]);
            m.SetUnknownValueIsInvalidAccessor(field => t["BindingUnknownInvalid", field]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["BindingUnknownInvalidNoField"]);
            m.SetValueIsInvalidAccessor(value => t["BindingValueInvalidNoField", value]);
            m.SetValueMustBeANumberAccessor(field => t["BindingMustBeNumber", field]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => t["BindingMustBeNumberNoField"]);
            m.SetValueMustNotBeNullAccessor(value => t["BindingRequired", value]);
            m.SetMissingBindRequiredValueAccessor(field => t["BindingRequired", field]);
            m.SetMissingKeyOrValueAccessor(() => t["BindingMissing"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => t["BindingMissing"]);
        });
        services.AddProblemDetails();
        services.AddResponseCompression(o => o.EnableForHttps = true);
        services.AddSingleton<PublicSearchCache>();
        var pageCache = configuration.GetValue("Search:PageCacheMegabytes", 64);
        services.AddOutputCache(o =>
        {
            if (pageCache > 0)
            {
                o.SizeLimit = pageCache * 1024L * 1024L;
                o.AddBasePolicy(b => b.AddPolicy<PublicSearchCache>(), excludeDefaultPolicy: true);
            }
        });
        services.AddHealthChecks()
            .AddDbContextCheck<EnactDbContext>("database")
            .AddCheck<SearchIndexHealthCheck>("search-index");

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var permits = configuration.GetValue("RateLimiting:AuthPermitsPerMinute", 10);
            o.AddPolicy(AuthRateLimit, context =>
                HttpMethods.IsPost(context.Request.Method)
                    ? RateLimitPartition.GetFixedWindowLimiter(
                        context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("get"));
        });

        return builder;
    }
}
