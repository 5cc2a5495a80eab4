using System.Diagnostics;
using Enact.Core.Accounts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Enact.Tests.Infrastructure;

/// <summary>
/// Signs a test client in without the sign-in page: the account is created as usual, then the app's own
/// <see cref="SignInManager{TUser}"/> issues the real Identity application cookie, which the client sends from then on.
/// </summary>
public static class TestAuth
{
    public const string CookieName = ".Enact.Auth";

    public static async Task<TestAccount> SignInDirectlyAsync(EnactFactory app, TestClient client, string role, params string[] countries)
    {
        // Roles that must use two-factor get an enabled authenticator, so the account gate lets them through.
        var account = await TestClient.CreateAccountAsync(app, role, countries);
        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnactUser>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<EnactUser>>();
        var user = await users.FindByIdAsync(account.Id.ToString()) ?? throw new InvalidOperationException("Account not found");
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost");
        signIn.Context = context;
        await signIn.SignInAsync(user, isPersistent: false);

        var cookies = SetCookieHeaderValue.ParseList(context.Response.Headers.SetCookie.Select(v => v ?? "").ToList())
            .Where(c => c.Name.Value?.StartsWith(CookieName, StringComparison.Ordinal) == true)
            .ToList();
        Assert.NotEmpty(cookies);
        foreach (var cookie in cookies)
        {
            client.UseCookie(cookie.Name.Value!, cookie.Value.Value!);
        }
        return account;
    }

    /// <summary>Sends a cookie with every request of this client (beside the cookies it keeps itself).</summary>
    public static void UseCookie(this TestClient client, string name, string value)
        => client.Http.DefaultRequestHeaders.Add("Cookie", $"{name}={value}");
}

/// <summary>Counts the SQL commands EF Core runs against one test app's database (found by its data directory).</summary>
public sealed class SqlCommandCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly string _marker;
    private readonly IDisposable _all;
    private readonly List<IDisposable> _subscriptions = [];
    private int _count;

    public SqlCommandCounter(EnactFactory app)
    {
        _marker = app.DataDirectory;
        _all = DiagnosticListener.AllListeners.Subscribe(this);
    }

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuting.Name
            && value.Value is CommandEventData data
            && data.Command.Connection?.ConnectionString.Contains(_marker, StringComparison.Ordinal) == true
            // The search worker polls in the background of every instance; it is not part of a request.
            && !data.Command.CommandText.Contains(Enact.Core.Search.CaseStudyIndexer.QueryTag, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _count);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted() { }
    void IObserver<DiagnosticListener>.OnError(Exception error) { }
    void IObserver<KeyValuePair<string, object?>>.OnCompleted() { }
    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error) { }

    public void Dispose()
    {
        _all.Dispose();
        lock (_subscriptions)
        {
            foreach (var s in _subscriptions)
            {
                s.Dispose();
            }
        }
    }
}
