using System.Net;
using Enact.Core.Accounts;
using Enact.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Enact.Tests.Data;

/// <summary>Two instances of the app on one PostgreSQL database behave as one site.</summary>
public sealed class ScaleOutTests
{
    [Fact]
    public async Task A_person_signed_in_on_one_instance_is_signed_in_on_another_sharing_the_database()
    {
        await using var first = await EnactFactory.StartAsync(Provider.Postgres);
        await using var second = await EnactFactory.StartAsync(Provider.Postgres, sharedConnectionString: first.ConnectionString);

        var account = await TestClient.CreateAccountAsync(first, Roles.Contributor);
        using var client = first.CreateTestClient();
        using var signIn = await client.SubmitFormAsync("/ar/account/sign-in",
            TestClient.Many(("Input.Email", account.Email), ("Input.Password", account.Password)));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var cookies = signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).ToList();
        Assert.Contains(cookies, c => c.StartsWith(".Enact.Auth=", StringComparison.Ordinal));

        // The second instance has never seen this person: it reads the cookie with the key ring stored in the database.
        using var other = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ar/account/manage");
        request.Headers.Add("Cookie", string.Join("; ", cookies));
        using var response = await other.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.NotNull(page.QuerySelector("form[action='/ar/account/sign-out']"));

        // Without the cookie the same page asks for sign-in: the 200 above is the shared session, not an open page.
        using var anonymous = await other.GetAsync("/ar/account/manage");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task A_form_served_by_one_instance_is_accepted_by_another()
    {
        await using var first = await EnactFactory.StartAsync(Provider.Postgres);
        await using var second = await EnactFactory.StartAsync(Provider.Postgres, sharedConnectionString: first.ConnectionString);

        using var browser = first.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var form = await browser.GetAsync("/ar/account/forgot-password");
        var page = await TestClient.ParseAsync(form);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var cookie = form.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])
            .Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));

        using var other = second.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ar/account/forgot-password")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Email", "nobody@test.example")]),
        };
        request.Headers.Add("Cookie", cookie);
        using var response = await other.SendAsync(request);
        Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"got {(int)response.StatusCode}");
    }
}
