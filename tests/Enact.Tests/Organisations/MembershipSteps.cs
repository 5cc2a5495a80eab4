using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using Enact.Core.Organisations;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Enact.Tests.Organisations;

/// <summary>Intent helpers for joining organisations and keeping their members, through the pages' forms.</summary>
public static class MembershipSteps
{
    public static string OrganisationPath(string culture, int id) => $"/{culture}/organisations/{id.ToString(CultureInfo.InvariantCulture)}";

    public static string MembersPath(string culture, int id) => OrganisationPath(culture, id) + "/members";

    /// <summary>Asks to join from the organisation's page, with an optional message.</summary>
    public static Task<HttpResponseMessage> AskToJoinAsync(TestClient client, int organisationId, string? message = null)
        => client.SubmitFormAsync(OrganisationPath(client.Culture, organisationId), TestClient.Many(("Join.Message", message ?? "")), "form[action*='handler=join']");

    /// <summary>Approves or declines the person's pending request from the members page (as loaded now, or from <paramref name="page"/>).</summary>
    public static async Task<HttpResponseMessage> DecideAsync(EnactFactory app, TestClient client, int organisationId, Guid personId, bool approve, IDocument? page = null, string? reply = null)
    {
        var requestId = await PendingRequestIdAsync(app, organisationId, personId);
        page ??= await client.GetPageAsync(MembersPath(client.Culture, organisationId));
        return await client.SubmitFormAsync(page, TestClient.Many(("Decision", approve ? "approve" : "decline"), ("Reply", reply ?? "")), $"#request-{requestId.ToString(CultureInfo.InvariantCulture)} form");
    }

    /// <summary>Removes a member with the button in their row of the members list (as loaded now, or from <paramref name="page"/>).</summary>
    public static async Task<HttpResponseMessage> RemoveAsync(TestClient client, int organisationId, Guid memberId, IDocument? page = null)
    {
        page ??= await client.GetPageAsync(MembersPath(client.Culture, organisationId));
        return await client.SubmitFormAsync(page, [], $"form[data-member='{memberId:D}']");
    }

    public static async Task<HttpResponseMessage> LeaveAsync(TestClient client, int organisationId, IDocument? page = null)
    {
        page ??= await client.GetPageAsync(MembersPath(client.Culture, organisationId));
        return await client.SubmitFormAsync(page, [], "form[action*='handler=leave']");
    }

    /// <summary>Posts a form the page does not offer (forged), with the antiforgery token of the header's sign-out form.</summary>
    public static async Task<HttpResponseMessage> ForgeAsync(TestClient client, string pagePath, string action, IDictionary<string, string> fields)
    {
        var page = await client.GetPageAsync(pagePath, pagePath.EndsWith("/members", StringComparison.Ordinal) ? HttpStatusCode.Forbidden : HttpStatusCode.OK);
        var token = page.QuerySelector("header input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await client.Http.PostAsync(action, content);
    }

    public static Task<int> PendingRequestIdAsync(EnactFactory app, int organisationId, Guid personId)
        => app.WithDbAsync(db => db.OrganisationMembershipRequests
            .Where(r => r.OrganisationId == organisationId && r.UserId == personId && r.Status == MembershipRequestStatuses.Pending)
            .Select(r => r.Id).SingleAsync());

    public static Task<bool> IsMemberAsync(EnactFactory app, int organisationId, Guid personId)
        => app.WithDbAsync(db => db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisationId && m.UserId == personId));

    public static Task<int> AuditCountAsync(EnactFactory app, string action)
        => app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == action));

    /// <summary>Adds a member directly (arranging a test), as an approved request would.</summary>
    public static Task AddMemberAsync(EnactFactory app, int organisationId, Guid personId)
        => app.WithDbAsync(async db =>
        {
            db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = organisationId, UserId = personId, JoinedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });

    /// <summary>The text of the page's error summary (empty when there is none).</summary>
    public static async Task<string> ErrorsAsync(HttpResponseMessage response)
        => (await TestClient.ParseAsync(response)).QuerySelector(".error-summary")?.TextContent ?? "";

    public static async Task<HttpResponseMessage> ExpectAsync(Task<HttpResponseMessage> request, HttpStatusCode expected)
    {
        var response = await request;
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        return response;
    }
}
