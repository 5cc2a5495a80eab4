using System.Net;
using System.Text.RegularExpressions;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Enact.Core.Accounts;
using Enact.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using OtpNet;

namespace Enact.Tests.Infrastructure;

/// <summary>A person's browser without JavaScript: keeps cookies, does not follow redirects, fills and submits forms.</summary>
public sealed partial class TestClient : IDisposable
{
    private readonly EnactFactory _factory;

    public TestClient(EnactFactory factory, string culture)
    {
        _factory = factory;
        Culture = culture;
        Http = factory.CreatePersonClient();
    }

    public HttpClient Http { get; }
    public string Culture { get; }

    public Task<HttpResponseMessage> GetAsync(string path) => Http.GetAsync(path);

    /// <summary>GETs a page and parses it; fails the test unless the status is the expected one.</summary>
    public async Task<IDocument> GetPageAsync(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await Http.GetAsync(path);
        Assert.True(expected == response.StatusCode, $"GET {path}: expected {(int)expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        return await ParseAsync(response);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(req => req.Content(html).Address(response.RequestMessage?.RequestUri?.ToString() ?? "http://localhost/"));
    }

    /// <summary>
    /// Loads <paramref name="path"/>, takes the form matching <paramref name="formSelector"/> (with its antiforgery token and
    /// every field's current value), overrides the given fields and submits it as a browser would.
    /// A field given as null is removed (an unchecked checkbox); a key may repeat through <see cref="Many"/>.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitFormAsync(string path, IEnumerable<KeyValuePair<string, string?>> fields, string formSelector = "main form")
    {
        var page = await GetPageAsync(path);
        return await SubmitFormAsync(page, fields, formSelector);
    }

    public Task<HttpResponseMessage> SubmitFormAsync(string path, object fields, string formSelector = "main form")
        => SubmitFormAsync(path, ToPairs(fields), formSelector);

    public async Task<HttpResponseMessage> SubmitFormAsync(IDocument page, IEnumerable<KeyValuePair<string, string?>> fields, string formSelector = "main form")
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form '{formSelector}' on {page.Url}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when !string.IsNullOrEmpty(input.Name) && input.Type is not ("submit" or "button" or "file"):
                    if (input.Type is "checkbox" or "radio")
                    {
                        if (input.IsChecked)
                        {
                            values.Add(new(input.Name, input.Value));
                        }
                    }
                    else
                    {
                        values.Add(new(input.Name, input.Value));
                    }
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    foreach (var option in select.Options.Where(o => o.IsSelected))
                    {
                        values.Add(new(select.Name, option.Value));
                    }
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    values.Add(new(area.Name, area.Value));
                    break;
            }
        }
        var overridden = fields.Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        values.RemoveAll(v => overridden.Contains(v.Key) && v.Key != "__RequestVerificationToken");
        values.AddRange(fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)));

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? new Uri(page.Url).PathAndQuery : action;
        using var content = new FormUrlEncodedContent(values);
        return await Http.PostAsync(target, content);
    }

    public static IEnumerable<KeyValuePair<string, string?>> ToPairs(object fields)
        => fields is IEnumerable<KeyValuePair<string, string?>> pairs
            ? pairs
            : fields.GetType().GetProperties().Select(p => new KeyValuePair<string, string?>(p.Name.Replace('_', '.'), p.GetValue(fields)?.ToString()));

    public static IEnumerable<KeyValuePair<string, string?>> Many(params (string Key, string? Value)[] pairs)
        => pairs.Select(p => new KeyValuePair<string, string?>(p.Key, p.Value));

    /// <summary>Signs in through the sign-in form, answering the two-factor step with a TOTP code when the account has a key.</summary>
    public async Task SignInAsync(string email, string password, string? authenticatorKey = null)
    {
        using var response = await SubmitFormAsync($"/{Culture}/account/sign-in", Many(("Input.Email", email), ("Input.Password", password)));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} answered {(int)response.StatusCode}");
        var location = response.Headers.Location!.OriginalString;
        if (location.Contains("/account/sign-in/two-factor", StringComparison.Ordinal))
        {
            Assert.NotNull(authenticatorKey);
            var code = new Totp(Base32Encoding.ToBytes(authenticatorKey)).ComputeTotp();
            using var second = await SubmitFormAsync(location, Many(("Input.Code", code)));
            Assert.True(second.StatusCode == HttpStatusCode.Redirect, $"Two-factor sign-in of {email} answered {(int)second.StatusCode}");
        }
    }

    /// <summary>Creates an account in the given role (and countries), with two-factor set up when the role requires it, and signs in.</summary>
    public async Task<TestAccount> SignInAsAsync(string role, params string[] countries)
    {
        var account = await CreateAccountAsync(_factory, role, countries);
        await SignInAsync(account.Email, account.Password, account.AuthenticatorKey);
        return account;
    }

    public static async Task<TestAccount> CreateAccountAsync(EnactFactory factory, string? role, string[]? countries = null, bool? twoFactor = null, string? email = null)
    {
        await using var scope = factory.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnactUser>>();
        var db = scope.ServiceProvider.GetRequiredService<EnactDbContext>();
        email ??= $"{(role ?? "person").ToLowerInvariant()}-{Guid.NewGuid():N}@test.example";
        const string password = "correct-horse-battery-9";
        var user = new EnactUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Test {role}" };
        var created = await users.CreateAsync(user, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        if (role is not null)
        {
            await users.AddToRoleAsync(user, role);
        }
        foreach (var code in countries ?? [])
        {
            db.UserCountries.Add(new UserCountry { UserId = user.Id, CountryCode = code });
        }
        await db.SaveChangesAsync();
        string? key = null;
        if (twoFactor ?? (role is not null && Roles.RequireTwoFactor.Contains(role)))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        return new TestAccount(user.Id, email, password, key);
    }

    /// <summary>Messages written to the outgoing-mail folder for an address, newest first.</summary>
    public static IReadOnlyList<MimeMessage> MailTo(EnactFactory factory, string address)
        => Directory.EnumerateFiles(Path.Combine(factory.DataDirectory, "mail"), "*.eml")
            .OrderByDescending(f => f, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();

    /// <summary>The first link in the newest message to an address whose path contains <paramref name="pathPart"/>, as a path and query.</summary>
    public static string LinkInMail(EnactFactory factory, string address, string pathPart)
    {
        var messages = MailTo(factory, address);
        var message = messages.Count > 0 ? messages[0] : throw new InvalidOperationException($"No mail to {address}");
        var body = message.TextBody ?? message.HtmlBody ?? "";
        foreach (Match m in LinkPattern().Matches(body))
        {
            var uri = new Uri(WebUtility.HtmlDecode(m.Value));
            if (uri.AbsolutePath.Contains(pathPart, StringComparison.Ordinal))
            {
                return uri.PathAndQuery;
            }
        }
        throw new InvalidOperationException($"No link containing {pathPart} in mail to {address}: {body}");
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex LinkPattern();

    public void Dispose() => Http.Dispose();
}

public sealed record TestAccount(Guid Id, string Email, string Password, string? AuthenticatorKey);
