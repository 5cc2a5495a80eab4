using System.Net;
using AngleSharp.Dom;
using Enact.Core.Accounts;
using Enact.Core.Data;
using Enact.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enact.Tests.Accounts;

/// <summary>Intent helpers for the account scenarios.</summary>
internal static class AccountSteps
{
    public const string Password = "a-good-password-42";

    public static async Task<HttpResponseMessage> RegisterAsync(TestClient client, string email, string password = Password, string name = "سلمى")
        => await client.SubmitFormAsync($"/{client.Culture}/account/register", TestClient.Many(
            ("Input.Email", email), ("Input.DisplayName", name), ("Input.Password", password), ("Input.ConfirmPassword", password)));

    public static async Task<HttpResponseMessage> SignInFormAsync(TestClient client, string email, string password)
        => await client.SubmitFormAsync($"/{client.Culture}/account/sign-in", TestClient.Many(("Input.Email", email), ("Input.Password", password)));

    public static async Task<IDocument> PageOfAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        Assert.Equal(expected, response.StatusCode);
        return await TestClient.ParseAsync(response);
    }

    public static string Summary(IDocument page) => page.QuerySelector(".error-summary")?.TextContent ?? "";

    public static async Task<EnactUser?> FindUserAsync(EnactFactory app, string email)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<EnactUser>>().FindByEmailAsync(email);
    }

    public static Task<List<string>> AuditActionsAsync(EnactFactory app, Guid userId)
        => app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == userId.ToString()).Select(a => a.Action).ToListAsync());

    public static string NewEmail() => $"person-{Guid.NewGuid():N}@test.example";

    /// <summary>Whether the client's cookie signs it in: /account/manage answers 200 instead of redirecting to sign-in.</summary>
    public static async Task<bool> IsSignedInAsync(TestClient client)
    {
        using var response = await client.GetAsync($"/{client.Culture}/account/manage");
        return response.StatusCode == HttpStatusCode.OK;
    }
}
