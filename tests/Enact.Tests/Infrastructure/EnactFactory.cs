using Enact.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enact.Tests.Infrastructure;

/// <summary>
/// The real app in process, with its own data directory (SQLite database, index, mail) or its own PostgreSQL database.
/// Create one per test: <c>await using var app = await EnactFactory.StartAsync();</c>
/// </summary>
public sealed class EnactFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private EnactFactory(Provider provider, string dataDirectory, string? connectionString, Dictionary<string, string?> settings)
    {
        Provider = provider;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        _settings = settings;
    }

    public Provider Provider { get; }
    public string DataDirectory { get; }
    public string? ConnectionString { get; }

    /// <summary>When set, the app's clock; tests move it forward explicitly.</summary>
    public FakeTimeProvider? Clock { get; private init; }

    /// <summary>Whether this factory owns its PostgreSQL database (a second instance shares the first one's).</summary>
    private bool OwnsDatabase { get; init; } = true;

    /// <summary>Test-only additions to the app's services (e.g. a startup filter that maps a failing endpoint).</summary>
    private Action<IServiceCollection>? ExtraServices { get; init; }

    public static async Task<EnactFactory> StartAsync(
        Provider provider = Provider.Sqlite,
        bool demoContent = false,
        FakeTimeProvider? clock = null,
        IDictionary<string, string?>? settings = null,
        string? sharedConnectionString = null,
        Action<IServiceCollection>? services = null,
        bool kestrel = false)
    {
        var dir = Path.Combine(Path.GetTempPath(), "enact-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        string? cs = null;
        var owns = true;
        if (provider == Provider.Postgres)
        {
            owns = sharedConnectionString is null;
            cs = sharedConnectionString ?? await TestPostgres.CreateDatabaseAsync();
        }
        var all = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Enact:DataDirectory"] = dir,
            ["Enact:DemoContent"] = demoContent ? "true" : "false",
            ["Database:Provider"] = provider.ToString(),
            ["ConnectionStrings:Enact"] = cs ?? "",
            ["RateLimiting:AuthPermitsPerMinute"] = "1000",
            // The deadline-reminder worker stays off unless a test turns it on; tests call the service directly.
            ["Calls:ReminderPollMinutes"] = "0",
            // Keep the console for what matters, so a failing test's report is not buried under start-up logs.
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
            // The in-memory test server has no request-size feature; Kestrel has, and the browser tests use it.
            ["Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore.Mvc.Filters.RequestSizeLimitFilter"] = "Error",
        };
        if (settings is not null)
        {
            foreach (var (k, v) in settings)
            {
                all[k] = v;
            }
        }
        var factory = new EnactFactory(provider, dir, cs, all) { Clock = clock, OwnsDatabase = owns, ExtraServices = services };
        // Build the server now so migrations and seeding run before the test starts.
        if (kestrel)
        {
            // A real Kestrel on 127.0.0.1 (a free port), for what the in-memory server lacks (request-size limits).
            factory.UseKestrel(0);
            factory.StartServer();
            var addresses = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            factory.KestrelAddress = new Uri(addresses.First());
        }
        else
        {
            _ = factory.Server;
        }
        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.UseEnvironment("Testing");
        builder.ConfigureTestServices(services =>
        {
            if (Clock is not null)
            {
                services.AddSingleton<TimeProvider>(Clock);
            }
            ExtraServices?.Invoke(services);
        });
    }

    /// <summary>The Kestrel address when started with <c>kestrel: true</c>; null for the in-memory server.</summary>
    public Uri? KestrelAddress { get; private set; }

    /// <summary>An HTTP client that keeps cookies and does not follow redirects, to the in-memory server or to Kestrel.</summary>
    public HttpClient CreatePersonClient()
        => KestrelAddress is null
            ? CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true })
            : new HttpClient(new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = true,
                CookieContainer = new(),
                // A request sent with "Expect: 100-continue" waits for the server's answer instead of sending its body after 1 s.
                Expect100ContinueTimeout = TimeSpan.FromMinutes(1),
            }) { BaseAddress = KestrelAddress };

    public TestClient CreateTestClient(string culture = "ar") => new(this, culture);

    /// <summary>A scope over the app's services, for arranging data and asserting on the database.</summary>
    public AsyncServiceScope Scope() => Services.CreateAsyncScope();

    public async Task<T> WithDbAsync<T>(Func<EnactDbContext, Task<T>> action)
    {
        await using var scope = Scope();
        return await action(scope.ServiceProvider.GetRequiredService<EnactDbContext>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Provider == Provider.Postgres && OwnsDatabase && ConnectionString is not null)
        {
            await TestPostgres.DropDatabaseAsync(ConnectionString);
        }
        if (Provider == Provider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow file system: the temp folder is cleaned by the OS.
        }
    }
}
