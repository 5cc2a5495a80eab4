using OtpNet;

namespace Enact.BrowserTests.Infrastructure;

/// <summary>A person with an account on the test server; <see cref="AuthenticatorKey"/> is set for staff with two-factor.</summary>
public sealed record Person(string Email, string Password, string? AuthenticatorKey = null);

/// <summary>
/// How people get an account and sign in, through the real pages: shared by every flow test so that each one starts
/// from a signed-in person in one line.
/// </summary>
public static class PeopleSteps
{
    /// <summary>
    /// Creates an account with <paramref name="role"/> on the command line (one-time password), signs in, changes the
    /// password, and for roles that need it sets up two-factor authentication by reading the shared key and answering
    /// with a TOTP code. Ends signed in.
    /// </summary>
    public static async Task<Person> SetUpAccountAsync(BrowserSession session, string culture, string role, string who, string displayName, params string[] countries)
    {
        var email = NewEmail(who);
        var oneTimePassword = await session.Server.CreateUserAsync(email, role, displayName, countries);
        const string password = "a-new-long-password-42";

        await SignInAsync(session, culture, email, oneTimePassword);
        Assert.Equal($"/{culture}/account/manage/change-password", new Uri(session.Page.Url).AbsolutePath);

        await session.FillAsync("Input.CurrentPassword", oneTimePassword);
        await session.FillAsync("Input.NewPassword", password);
        await session.FillAsync("Input.ConfirmPassword", password);
        await session.SubmitFormWithAsync("Input.NewPassword");

        await session.GotoAsync($"/{culture}/");
        if (new Uri(session.Page.Url).AbsolutePath != $"/{culture}/account/manage/two-factor")
        {
            Assert.Equal($"/{culture}/", session.CurrentPath);
            return new Person(email, password);
        }

        var key = string.Concat(((await session.Page.Locator("#authenticator-key").TextContentAsync()) ?? "").Where(c => !char.IsWhiteSpace(c)));
        Assert.False(string.IsNullOrEmpty(key), "The two-factor page shows no shared key in #authenticator-key.");
        await session.FillAsync("Input.Code", CodeFor(key));
        await session.SubmitFormWithAsync("Input.Code");

        await session.GotoAsync($"/{culture}/");
        Assert.Equal($"/{culture}/", session.CurrentPath);
        return new Person(email, password, key);
    }

    /// <summary>
    /// A person registers on their own in <paramref name="culture"/> (so the portal's mails to them come in that language),
    /// confirms the address from the e-mail and signs in. Ends signed in.
    /// </summary>
    public static async Task<Person> RegisterAsync(BrowserSession session, string culture, string who, string displayName)
    {
        var email = NewEmail(who);
        const string password = "correct-horse-battery-9";
        await session.GotoAsync($"/{culture}/account/register");
        await session.FillAsync("Input.Email", email);
        await session.FillAsync("Input.DisplayName", displayName);
        await session.FillAsync("Input.Password", password);
        await session.FillAsync("Input.ConfirmPassword", password);
        await session.SubmitFormWithAsync("Input.Email");
        await session.GotoAsync(EnactServer.LinkIn(await session.Server.WaitForMailAsync(email), "confirm"));
        var person = new Person(email, password);
        await SignInAsync(session, culture, person);
        return person;
    }

    /// <summary>Signs in with e-mail and password; for a person with two-factor, answers the code step too.</summary>
    public static async Task SignInAsync(BrowserSession session, string culture, Person person)
    {
        await SignInAsync(session, culture, person.Email, person.Password);
        if (person.AuthenticatorKey is { } key && new Uri(session.Page.Url).AbsolutePath == $"/{culture}/account/sign-in/two-factor")
        {
            // A code of the next 30-second step: accepted within the allowed drift, and never the one used just before.
            await session.FillAsync("Input.Code", CodeFor(key, TimeSpan.FromSeconds(30)));
            await session.SubmitFormWithAsync("Input.Code");
        }
        await AssertSignedInAsync(session);
    }

    public static async Task SignInAsync(BrowserSession session, string culture, string email, string password)
    {
        await session.GotoAsync($"/{culture}/account/sign-in");
        await session.FillAsync("Input.Email", email);
        await session.FillAsync("Input.Password", password);
        await session.SubmitFormWithAsync("Input.Password");
        // Either signed in, or on the two-factor step: never back on the password form.
        Assert.NotEqual($"/{culture}/account/sign-in", new Uri(session.Page.Url).AbsolutePath);
    }

    public static async Task SignOutAsync(BrowserSession session)
    {
        await session.ClickAsync(session.Page.Locator("header form[action$='/account/sign-out'] button"));
        Assert.Equal(0, await session.Page.Locator("header form[action$='/account/sign-out']").CountAsync());
    }

    public static async Task AssertSignedInAsync(BrowserSession session)
        => Assert.True(await session.Page.Locator("header form[action$='/account/sign-out']").CountAsync() == 1,
            $"Not signed in at {session.Page.Url}: the header has no sign-out button.");

    public static string CodeFor(string key, TimeSpan? offset = null)
        => new Totp(Base32Encoding.ToBytes(key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()))
            .ComputeTotp(DateTime.UtcNow + (offset ?? TimeSpan.Zero));

    public static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@test.example";
}
