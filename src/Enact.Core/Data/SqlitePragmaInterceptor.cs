using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Enact.Core.Data;

/// <summary>
/// Every SQLite connection syncs less often (safe with WAL) and waits for a busy writer instead of failing.
/// WAL itself is a property of the database file, set once by <see cref="EnableWal"/>; Microsoft.Data.Sqlite enables foreign keys.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public static readonly SqlitePragmaInterceptor Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;";

    public const string EnableWal = "PRAGMA journal_mode=WAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
