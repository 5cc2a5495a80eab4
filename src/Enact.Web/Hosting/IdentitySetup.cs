using System.Security.Claims;
using Enact.Core.Accounts;
using Enact.Core.Data;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Enact.Web.Hosting;

public static class IdentitySetup
{
    /// <summary>Claim set at sign-in when the account has two-factor authentication enabled.</summary>
    public const string TwoFactorClaim = "enact:2fa";

    public static IServiceCollection AddEnactIdentity(this IServiceCollection services)
    {
        services.AddIdentity<EnactUser, EnactRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<EnactDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<EnactSignInManager>()
            .AddClaimsPrincipalFactory<EnactClaimsPrincipalFactory>()
            .AddErrorDescriber<Features.Account.LocalizedIdentityErrors>();

        services.AddScoped<Features.Account.AccountMail>();

        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = ".Enact.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.LoginPath = "/ar/account/sign-in";
            o.AccessDeniedPath = "/error/403";
            o.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized, "account/sign-in");
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.ConfigureExternalCookie(o => o.Cookie.Name = ".Enact.External");
        return services;
    }

    /// <summary>Browsers are sent to the sign-in page in their language; JSON clients get the status code.</summary>
    private static Task RedirectOrStatus(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status, string page)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        var culture = Cultures.FromPath(context.Request.Path.Value) ?? Cultures.Current;
        var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
        context.Response.Redirect($"/{culture}/{page}?returnUrl={Uri.EscapeDataString(returnUrl)}");
        return Task.CompletedTask;
    }
}

/// <summary>Deactivated accounts cannot sign in.</summary>
public sealed class EnactSignInManager(
    UserManager<EnactUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<EnactUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<EnactUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<EnactUser> confirmation)
    : SignInManager<EnactUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(EnactUser user)
        => user.IsActive && await base.CanSignInAsync(user);
}

/// <summary>Adds the focal point's countries and the two-factor flag to the cookie, so authorization needs no query.</summary>
public sealed class EnactClaimsPrincipalFactory(
    UserManager<EnactUser> userManager,
    RoleManager<EnactRole> roleManager,
    IOptions<IdentityOptions> options,
    EnactDbContext db)
    : UserClaimsPrincipalFactory<EnactUser, EnactRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(EnactUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var countries = await db.UserCountries.Where(c => c.UserId == user.Id).Select(c => c.CountryCode).ToListAsync();
        foreach (var code in countries)
        {
            identity.AddClaim(new Claim(CountryScopeHandler.CountryClaim, code));
        }
        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(IdentitySetup.TwoFactorClaim, "1"));
        }
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(MustChangePasswordClaim, "1"));
        }
        identity.AddClaim(new Claim("enact:name", user.DisplayName));
        return identity;
    }

    public const string MustChangePasswordClaim = "enact:must-change-password";
}
