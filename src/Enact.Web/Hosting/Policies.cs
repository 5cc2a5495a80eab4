using Enact.Core.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Enact.Web.Hosting;

public static class Policies
{
    public const string Administrator = "Administrator";
    /// <summary>Portal staff: administrators and editors.</summary>
    public const string Staff = "Staff";
    public const string Reviewer = "Reviewer";
    public const string FocalPoint = "FocalPoint";
    /// <summary>Any signed-in, active account.</summary>
    public const string SignedIn = "SignedIn";
    /// <summary>Resource policy: the user may act for the country passed as the resource (its ISO code).</summary>
    public const string CountryScope = "CountryScope";

    public static IServiceCollection AddEnactAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, CountryScopeHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Staff, p => p.RequireRole(Roles.Administrator, Roles.Editor))
            .AddPolicy(Reviewer, p => p.RequireRole(Roles.Administrator, Roles.Editor, Roles.Reviewer))
            .AddPolicy(FocalPoint, p => p.RequireRole(Roles.Administrator, Roles.Editor, Roles.FocalPoint))
            .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
            .AddPolicy(CountryScope, p => p.AddRequirements(new CountryScopeRequirement()));
        return services;
    }
}

public sealed class CountryScopeRequirement : IAuthorizationRequirement;

/// <summary>Administrators and editors act for every country; a focal point only for the countries assigned to them (claims "enact:country").</summary>
public sealed class CountryScopeHandler : AuthorizationHandler<CountryScopeRequirement, string>
{
    public const string CountryClaim = "enact:country";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CountryScopeRequirement requirement, string resource)
    {
        var user = context.User;
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Editor)
            || (user.IsInRole(Roles.FocalPoint) && user.HasClaim(CountryClaim, resource.ToUpperInvariant())))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
