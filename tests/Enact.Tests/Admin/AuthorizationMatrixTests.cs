using System.Net;
using Enact.Core.Accounts;
using Enact.Tests.Infrastructure;
using static Enact.Tests.Infrastructure.TestClient;

namespace Enact.Tests.Admin;

/// <summary>Who may open which protected page: every role against every page, and the administrators' POSTs.</summary>
public sealed class AuthorizationMatrixTests
{
    private const string Anonymous = "anonymous";

    private static readonly string[] AdminPages =
        ["/ar/admin/users", "/ar/admin/users/invite", "/ar/admin/audit", "/ar/admin/mail", "/ar/admin/countries"];

    private const string Lebanon = "/ar/workspace/countries/LB";
    private const string Jordan = "/ar/workspace/countries/JO";
    private const string Workspace = "/ar/workspace";

    public static TheoryData<string> People => [Anonymous, Roles.Administrator, Roles.Editor, Roles.Reviewer, Roles.FocalPoint, Roles.Contributor];

    /// <summary>The pages each person may open; every other protected page is refused.</summary>
    private static HashSet<string> Allowed(string who) => who switch
    {
        Roles.Administrator => [.. AdminPages, Lebanon, Jordan, Workspace],
        Roles.Editor => [Lebanon, Jordan, Workspace],
        Roles.FocalPoint => [Lebanon, Workspace],
        Roles.Reviewer or Roles.Contributor => [Workspace],
        _ => [],
    };

    [Theory]
    [MemberData(nameof(People))]
    public async Task Each_role_opens_exactly_the_pages_it_may(string who)
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        if (who != Anonymous)
        {
            // The focal point speaks for Lebanon only.
            await TestAuth.SignInDirectlyAsync(app, client, who, who == Roles.FocalPoint ? ["LB"] : []);
        }

        var allowed = Allowed(who);
        foreach (var path in AdminPages.Append(Lebanon).Append(Jordan).Append(Workspace))
        {
            using var response = await client.GetAsync(path);
            if (allowed.Contains(path))
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who} GET {path}: expected 200, got {(int)response.StatusCode} {response.Headers.Location}");
            }
            else if (who == Anonymous)
            {
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{who} GET {path}: expected 302, got {(int)response.StatusCode}");
                Assert.Equal($"/ar/account/sign-in?returnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.OriginalString);
            }
            else
            {
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{who} GET {path}: expected 403, got {(int)response.StatusCode} {response.Headers.Location}");
                var page = await ParseAsync(response);
                Assert.Contains("الوصول مرفوض", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [MemberData(nameof(People))]
    public async Task Only_administrators_may_post_an_invitation_or_a_country_change(string who)
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        if (who != Anonymous)
        {
            await TestAuth.SignInDirectlyAsync(app, client, who, who == Roles.FocalPoint ? ["LB"] : []);
        }
        var users = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users));

        if (who == Roles.Administrator)
        {
            using var invite = await client.SubmitFormAsync("/ar/admin/users/invite", Many(
                ("Input.Email", "new@test.example"), ("Input.Roles", Roles.Editor), ("Input.Language", "ar")));
            Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
            using var country = await client.SubmitFormAsync("/ar/admin/countries", Many(("Input.IsEscwaMember", "true")), "#country-KM");
            Assert.Equal(HttpStatusCode.Redirect, country.StatusCode);
            return;
        }

        using var content = new FormUrlEncodedContent([
            new("Input.Email", "new@test.example"), new("Input.Roles", Roles.Editor), new("Input.Language", "ar")]);
        using var post = await client.Http.PostAsync("/ar/admin/users/invite", content);
        using var countryContent = new FormUrlEncodedContent([
            new("Input.Code", "KM"), new("Input.Version", Guid.Empty.ToString()), new("Input.IsEscwaMember", "true")]);
        using var countryPost = await client.Http.PostAsync("/ar/admin/countries", countryContent);
        var expected = who == Anonymous ? HttpStatusCode.Redirect : HttpStatusCode.Forbidden;
        Assert.Equal(expected, post.StatusCode);
        Assert.Equal(expected, countryPost.StatusCode);
        if (who == Anonymous)
        {
            Assert.StartsWith("/ar/account/sign-in?returnUrl=", post.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(users, await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Users)));
        Assert.False(await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Countries).Where(c => c.Code == "KM").Select(c => c.IsEscwaMember))));
    }
}
