using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Accounts;

/// <summary>Filters for the administrators' account list; empty values do not filter.</summary>
public sealed record AccountFilter(string? Text = null, string? Role = null, string? Country = null, bool? Active = null);

public sealed record AccountRow(Guid Id, string DisplayName, string Email, bool IsActive, DateTime CreatedAt, IReadOnlyList<string> Roles, IReadOnlyList<string> Countries);

public sealed record AccountDetail(Guid Id, string DisplayName, string Email, bool IsActive, bool EmailConfirmed, DateTime CreatedAt, string Version, IReadOnlyList<string> Roles, IReadOnlyList<string> Countries);

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize)
{
    public int PageCount => Total == 0 ? 1 : (Total + PageSize - 1) / PageSize;
}

/// <summary>Read side of account administration: one query per page, roles and countries projected with the users (no N+1).</summary>
public sealed class AccountDirectory(EnactDbContext db)
{
    public const int PageSize = 50;

    public async Task<PageOf<AccountRow>> ListAsync(AccountFilter filter, int page, CancellationToken ct = default)
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            var upper = text.ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.Contains(upper) || u.DisplayName.Contains(text));
        }
        if (!string.IsNullOrWhiteSpace(filter.Role))
        {
            var role = filter.Role;
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var country = filter.Country.ToUpperInvariant();
            query = query.Where(u => u.Countries.Any(c => c.CountryCode == country));
        }
        if (filter.Active is { } active)
        {
            query = query.Where(u => u.IsActive == active);
        }

        var total = await query.CountAsync(ct);
        page = Math.Clamp(page, 1, Math.Max(1, (total + PageSize - 1) / PageSize));
        var rows = await query
            .OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Email)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.IsActive,
                u.CreatedAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                Countries = u.Countries.Select(c => c.CountryCode).ToList(),
            })
            .ToListAsync(ct);
        var items = rows.Select(r => new AccountRow(r.Id, r.DisplayName, r.Email ?? "", r.IsActive, r.CreatedAt,
            r.Roles.Order(StringComparer.Ordinal).ToList(), r.Countries.Order(StringComparer.Ordinal).ToList())).ToList();
        return new PageOf<AccountRow>(items, total, page, PageSize);
    }

    public async Task<AccountDetail?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var row = await db.Users.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.IsActive,
                u.EmailConfirmed,
                u.CreatedAt,
                u.ConcurrencyStamp,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
                Countries = u.Countries.Select(c => c.CountryCode).ToList(),
            })
            .FirstOrDefaultAsync(ct);
        return row is null
            ? null
            : new AccountDetail(row.Id, row.DisplayName, row.Email ?? "", row.IsActive, row.EmailConfirmed, row.CreatedAt, row.ConcurrencyStamp ?? "",
                row.Roles.Order(StringComparer.Ordinal).ToList(), row.Countries.Order(StringComparer.Ordinal).ToList());
    }
}
