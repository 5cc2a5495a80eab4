using System.Net;
using Enact.Core.Data;
using Enact.Core.Organisations;
using Enact.Core.Projects;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enact.Tests.Projects;

/// <summary>Intent helpers for projects, organisations and offers.</summary>
public static class ProjectSteps
{
    /// <summary>The demo's workshop on trust in digital public services.</summary>
    public static Task<int> TrustWorkshopIdAsync(EnactFactory app)
        => app.WithDbAsync(db => db.ProjectActivities.Where(a => a.TitleEn == ProjectDemoContent.TrustWorkshopTitleEn).Select(a => a.Id).SingleAsync());

    public static Task<int> ActivityIdAsync(EnactFactory app, string kind)
        => app.WithDbAsync(db => db.ProjectActivities.Where(a => a.Kind == kind).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());

    public static string ActivityPath(string culture, int id) => $"/{culture}/projects/enact/activities/{id}";

    /// <summary>A registered person (contributor) who prefers <paramref name="language"/>, signed in on <paramref name="client"/>.</summary>
    public static async Task<TestAccount> SignInPersonAsync(EnactFactory app, TestClient client, string language = "ar")
    {
        var account = await TestAuth.SignInDirectlyAsync(app, client, Enact.Core.Accounts.Roles.Contributor);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == account.Id);
            user.PreferredLanguage = language;
            user.DisplayName = "Layla Haddad";
            return await db.SaveChangesAsync();
        });
        return account;
    }

    /// <summary>An organisation in the database, with <paramref name="memberId"/> (if any) as its member.</summary>
    public static async Task<int> ArrangeOrganisationAsync(EnactFactory app, Guid? memberId, string nameEn = "Arab Digital Trust Network",
        string type = OrganisationTypes.RegionalInternational, string? country = "LB", bool verified = false)
        => await app.WithDbAsync(async db =>
        {
            var organisation = new Organisation
            {
                NameAr = "الشبكة العربية للثقة الرقمية",
                NameEn = nameEn,
                Type = type,
                CountryCode = country,
                Verified = verified,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            if (memberId is { } id)
            {
                db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = organisation.Id, UserId = id, JoinedAt = DateTime.UtcNow });
                await db.SaveChangesAsync();
            }
            return organisation.Id;
        });

    public static IEnumerable<KeyValuePair<string, string?>> Offer(int organisationId, string proposal)
        => TestClient.Many(("Offer.OrganisationId", organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Offer.Proposal", proposal));

    /// <summary>Posts an offer through the activity page's form.</summary>
    public static Task<HttpResponseMessage> OfferAsync(TestClient client, int activityId, int organisationId, string proposal)
        => client.SubmitFormAsync(ActivityPath(client.Culture, activityId), Offer(organisationId, proposal), "form[action*='handler=offer']");

    public static async Task<HttpResponseMessage> ExpectAsync(Task<HttpResponseMessage> request, HttpStatusCode expected)
    {
        var response = await request;
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        return response;
    }

    public static IReadOnlyList<MimeKit.MimeMessage> Mail(EnactFactory app, string address)
        => Directory.Exists(Path.Combine(app.DataDirectory, "mail")) ? TestClient.MailTo(app, address) : [];

    public static async Task<T> InScopeAsync<T>(EnactFactory app, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = app.Scope();
        return await action(scope.ServiceProvider);
    }

    public static Task<EnactDbContext> Db(IServiceProvider services) => Task.FromResult(services.GetRequiredService<EnactDbContext>());
}
