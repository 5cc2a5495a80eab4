using Enact.Core.Accounts;
using Enact.Core.Data;
using Enact.Core.Demo;
using Enact.Core.Reference;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Enact.Web.Hosting;

/// <summary>Applies migrations, then loads reference data (always) and demo content (unless Enact:DemoContent is false).</summary>
public sealed partial class DatabaseInitializer(
    EnactDbContext db,
    RoleManager<EnactRole> roles,
    IOptions<EnactOptions> options,
    TimeProvider clock,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlRawAsync(SqlitePragmaInterceptor.EnableWal, cancellationToken);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        if (pending.Count > 0)
        {
            LogMigrated(logger, pending.Count, db.Database.ProviderName ?? "?");
        }

        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new EnactRole(role));
            }
        }

        var added = await ReferenceDataSeeder.SeedAsync(db, cancellationToken);
        if (added > 0)
        {
            LogReference(logger, added);
        }

        if (options.Value.DemoContent)
        {
            var demo = await DemoContentSeeder.SeedAsync(db, clock, cancellationToken);
            if (demo > 0)
            {
                LogDemo(logger, demo);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migrations on {Provider}")]
    private static partial void LogMigrated(ILogger logger, int count, string provider);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} reference records")]
    private static partial void LogReference(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Count} demo records")]
    private static partial void LogDemo(ILogger logger, int count);
}
