using System.Security.Cryptography;
using Enact.Core.Audit;
using Enact.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Accounts;

/// <summary>Outcome of an account operation: errors are keys of the "Admin" texts or Identity's own (already localized) descriptions.</summary>
public sealed record AccountOutcome(bool Succeeded, IReadOnlyList<string> Errors, EnactUser? User = null, string? Password = null, string? Token = null)
{
    public static AccountOutcome Fail(params string[] errors) => new(false, errors);
    public static AccountOutcome Conflict() => new(false, [ConflictError]);
    public const string ConflictError = "ConcurrencyConflict";
    public const string UnknownRole = "UnknownRole";
    public const string UnknownCountry = "UnknownCountry";
    public const string CountryNeedsFocalPoint = "CountryNeedsFocalPoint";
    public const string FocalPointNeedsCountry = "FocalPointNeedsCountry";
    public const string NotFound = "NotFound";
    public const string CannotDeactivateSelf = "CannotDeactivateSelf";
}

/// <summary>
/// What administrators (and the command line) do to accounts: create, invite, assign roles and countries, deactivate.
/// Each operation runs in one transaction with its audit entry.
/// </summary>
public sealed class AccountAdministration(EnactDbContext db, UserManager<EnactUser> users, AuditTrail audit, TimeProvider clock)
{
    /// <summary>Creates a confirmed account with a random one-time password that must be changed at first sign-in.</summary>
    public async Task<AccountOutcome> CreateWithOneTimePasswordAsync(string email, string? name, string role, IReadOnlyCollection<string> countries, CancellationToken ct = default)
        => await CreateAsync(AuditActor.CommandLine, email, name, [role], countries, oneTimePassword: true, ct);

    /// <summary>Creates an unconfirmed account without a password and returns a token for the invitation link.</summary>
    public async Task<AccountOutcome> InviteAsync(AuditActor actor, string email, string? name, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> countries, CancellationToken ct = default)
        => await CreateAsync(actor, email, name, roles, countries, oneTimePassword: false, ct);

    private async Task<AccountOutcome> CreateAsync(AuditActor actor, string email, string? name, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> countries, bool oneTimePassword, CancellationToken ct)
    {
        var check = await ValidateAsync(roles, countries, ct);
        if (check is not null)
        {
            return check;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var user = new EnactUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            DisplayName = string.IsNullOrWhiteSpace(name) ? email.Trim() : name.Trim(),
            EmailConfirmed = oneTimePassword,
            MustChangePassword = oneTimePassword,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        string? password = oneTimePassword ? GeneratePassword() : null;
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return AccountOutcome.Fail(created.Errors.Select(e => e.Description).Distinct(StringComparer.Ordinal).ToArray());
        }
        var added = await users.AddToRolesAsync(user, roles);
        if (!added.Succeeded)
        {
            return AccountOutcome.Fail(added.Errors.Select(e => e.Description).Distinct(StringComparer.Ordinal).ToArray());
        }
        foreach (var code in countries.Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal))
        {
            db.UserCountries.Add(new UserCountry { UserId = user.Id, CountryCode = code });
        }
        audit.Record(actor, oneTimePassword ? "user.created" : "user.invited", "user", user.Id.ToString(),
            after: new { user.Email, user.DisplayName, roles, countries });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var token = oneTimePassword ? null : await users.GeneratePasswordResetTokenAsync(user);
        return new AccountOutcome(true, [], user, password, token);
    }

    /// <summary>Replaces roles and countries; <paramref name="version"/> is the concurrency stamp the editor saw.</summary>
    public async Task<AccountOutcome> UpdateAccessAsync(AuditActor actor, Guid userId, string version, IReadOnlyCollection<string> roles, IReadOnlyCollection<string> countries, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return AccountOutcome.Fail(AccountOutcome.NotFound);
        }
        if (!string.Equals(user.ConcurrencyStamp, version, StringComparison.Ordinal))
        {
            return AccountOutcome.Conflict();
        }
        var check = await ValidateAsync(roles, countries, ct);
        if (check is not null)
        {
            return check;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var beforeRoles = (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal).ToList();
        var beforeCountries = await db.UserCountries.Where(c => c.UserId == userId).Select(c => c.CountryCode).OrderBy(c => c).ToListAsync(ct);
        var wantedCountries = countries.Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        var removed = await users.RemoveFromRolesAsync(user, beforeRoles.Except(roles, StringComparer.Ordinal));
        var added = removed.Succeeded ? await users.AddToRolesAsync(user, roles.Except(beforeRoles, StringComparer.Ordinal)) : removed;
        if (!added.Succeeded)
        {
            return added.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure))
                ? AccountOutcome.Conflict()
                : AccountOutcome.Fail(added.Errors.Select(e => e.Description).Distinct(StringComparer.Ordinal).ToArray());
        }
        db.UserCountries.RemoveRange(db.UserCountries.Where(c => c.UserId == userId && !wantedCountries.Contains(c.CountryCode)));
        foreach (var code in wantedCountries.Except(beforeCountries, StringComparer.Ordinal))
        {
            db.UserCountries.Add(new UserCountry { UserId = userId, CountryCode = code });
        }
        audit.Record(actor, "user.access-changed", "user", user.Id.ToString(),
            before: new { roles = beforeRoles, countries = beforeCountries },
            after: new { roles = roles.Order(StringComparer.Ordinal).ToList(), countries = wantedCountries });
        await db.SaveChangesAsync(ct);
        // New claims must reach the person's cookie: renewing the stamp signs them in again on their next request.
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded)
        {
            return AccountOutcome.Conflict();
        }
        await tx.CommitAsync(ct);
        return new AccountOutcome(true, [], user);
    }

    /// <summary>Deactivates or reactivates an account; a deactivated person is signed out everywhere within a minute.</summary>
    public async Task<AccountOutcome> SetActiveAsync(AuditActor actor, Guid userId, bool active, CancellationToken ct = default)
    {
        if (!active && actor.UserId == userId)
        {
            return AccountOutcome.Fail(AccountOutcome.CannotDeactivateSelf);
        }
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null)
        {
            return AccountOutcome.Fail(AccountOutcome.NotFound);
        }
        if (user.IsActive == active)
        {
            return new AccountOutcome(true, [], user);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.IsActive = active;
        audit.Record(actor, active ? "user.reactivated" : "user.deactivated", "user", user.Id.ToString(),
            before: new { isActive = !active }, after: new { isActive = active });
        await db.SaveChangesAsync(ct);
        var updated = await users.UpdateSecurityStampAsync(user);
        if (!updated.Succeeded)
        {
            return AccountOutcome.Conflict();
        }
        await tx.CommitAsync(ct);
        return new AccountOutcome(true, [], user);
    }

    private async Task<AccountOutcome?> ValidateAsync(IReadOnlyCollection<string> roles, IReadOnlyCollection<string> countries, CancellationToken ct)
    {
        if (roles.Count == 0 || roles.Any(r => !Roles.IsKnown(r)))
        {
            return AccountOutcome.Fail(AccountOutcome.UnknownRole);
        }
        var focal = roles.Contains(Roles.FocalPoint, StringComparer.Ordinal);
        if (focal && countries.Count == 0)
        {
            return AccountOutcome.Fail(AccountOutcome.FocalPointNeedsCountry);
        }
        if (!focal && countries.Count > 0)
        {
            return AccountOutcome.Fail(AccountOutcome.CountryNeedsFocalPoint);
        }
        var codes = countries.Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var known = await db.Countries.CountAsync(c => codes.Contains(c.Code), ct);
        return known == codes.Count ? null : AccountOutcome.Fail(AccountOutcome.UnknownCountry);
    }

    private static string GeneratePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        // Identity's rules want a digit and a lower-case letter; draw again in the rare case one is missing.
        while (true)
        {
            var password = RandomNumberGenerator.GetString(alphabet, 20);
            if (password.Any(char.IsAsciiDigit) && password.Any(char.IsAsciiLetterLower) && password.Any(char.IsAsciiLetterUpper))
            {
                return password;
            }
        }
    }
}
