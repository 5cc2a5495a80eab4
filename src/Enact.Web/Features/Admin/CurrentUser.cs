using System.Security.Claims;
using Enact.Core.Audit;

namespace Enact.Web.Features.Admin;

public static class CurrentUser
{
    /// <summary>The signed-in person as the audit trail records them.</summary>
    public static AuditActor Actor(ClaimsPrincipal user)
        => new(Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null, user.FindFirstValue(ClaimTypes.Email));

    public static Guid? Id(ClaimsPrincipal user)
        => Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}

/// <summary>Links to pages of a list, keeping its filters.</summary>
public static class Paging
{
    public static string Url(HttpRequest request, int page)
    {
        var query = request.Query
            .Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return request.PathBase + request.Path + Microsoft.AspNetCore.Http.QueryString.Create(query).ToUriComponent();
    }
}
