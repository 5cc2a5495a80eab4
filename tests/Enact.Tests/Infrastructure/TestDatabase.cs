using Npgsql;

namespace Enact.Tests.Infrastructure;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// PostgreSQL for tests comes from ENACT_TEST_POSTGRES (a connection string to a server where we may create databases).
/// On a developer's machine without it, PostgreSQL tests skip with a message; under CI (CI=true) they fail instead.
/// </summary>
public static class TestPostgres
{
    public static string? AdminConnectionString => Environment.GetEnvironmentVariable("ENACT_TEST_POSTGRES");

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (or, in CI, fails) the calling test when no PostgreSQL server is configured.</summary>
    public static string RequireServer()
    {
        var cs = AdminConnectionString;
        if (string.IsNullOrWhiteSpace(cs))
        {
            if (Required)
            {
                Assert.Fail("ENACT_TEST_POSTGRES is not set, but CI requires the PostgreSQL tests to run.");
            }
            Assert.Skip("PostgreSQL tests need ENACT_TEST_POSTGRES, e.g. \"Host=127.0.0.1;Username=postgres;Password=postgres\".");
        }
        return cs!;
    }

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var admin = RequireServer();
        var name = "enact_test_" + Guid.NewGuid().ToString("N")[..16];
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true }.ConnectionString;
    }

    public static async Task DropDatabaseAsync(string connectionString)
    {
        var admin = AdminConnectionString;
        if (admin is null)
        {
            return;
        }
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
