using Enact.Core.Data;
using Microsoft.AspNetCore.Identity;

namespace Enact.Core.Accounts;

public sealed class EnactUser : IdentityUser<Guid>
{
    public EnactUser()
    {
        Id = Guid.NewGuid();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public string DisplayName { get; set; } = "";

    /// <summary>Deactivated accounts cannot sign in; nothing is deleted.</summary>
    public bool IsActive { get; set; } = true;

    /// <summary>Set for a one-time password: the next sign-in must choose a new one.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Preferred interface language ("ar" or "en").</summary>
    public string PreferredLanguage { get; set; } = "ar";

    /// <summary>Optional organisation name for contributors (linked to an organisation record later).</summary>
    public string? OrganisationName { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<UserCountry> Countries { get; set; } = [];
}

public sealed class EnactRole : IdentityRole<Guid>
{
    public EnactRole()
    {
        Id = Guid.NewGuid();
    }

    public EnactRole(string name) : this()
    {
        Name = name;
        NormalizedName = name.ToUpperInvariant();
    }
}

/// <summary>The countries a focal point speaks for.</summary>
public sealed class UserCountry
{
    public Guid UserId { get; set; }
    public required string CountryCode { get; set; }
}

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Editor = "Editor";
    public const string Reviewer = "Reviewer";
    public const string FocalPoint = "FocalPoint";
    public const string Contributor = "Contributor";

    public static readonly IReadOnlyList<string> All = [Administrator, Editor, Reviewer, FocalPoint, Contributor];

    /// <summary>Roles that must use two-factor authentication.</summary>
    public static readonly IReadOnlyList<string> RequireTwoFactor = [Administrator, Editor, Reviewer];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
