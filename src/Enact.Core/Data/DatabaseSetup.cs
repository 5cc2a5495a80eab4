using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Enact.Core.Data;

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Enact.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Enact.Migrations.Postgres";

    /// <summary>Configures the one DbContext for the chosen provider and its migrations assembly.</summary>
    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions database, string? connectionString, DataDirectory data)
    {
        if (database.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Enact is not set.");
            }
            builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
        }
        else
        {
            var cs = string.IsNullOrWhiteSpace(connectionString)
                ? $"Data Source={data.DatabasePath};Cache=Shared;Pooling=True"
                : connectionString;
            builder.UseSqlite(cs, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
            builder.AddInterceptors(SqlitePragmaInterceptor.Instance);
        }
    }

    public static DatabaseOptions ReadOptions(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        configuration.GetSection(DatabaseOptions.Section).Bind(options);
        return options;
    }
}
