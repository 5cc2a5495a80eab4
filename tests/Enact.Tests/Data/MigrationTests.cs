using Enact.Core.Data;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Enact.Tests.Data;

/// <summary>Fails when the model has changes that no migration captures, for each provider.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Sqlite_model_has_no_changes_without_a_migration()
    {
        var options = new DbContextOptionsBuilder<EnactDbContext>();
        DatabaseSetup.Configure(options, new DatabaseOptions { Provider = "Sqlite" }, "Data Source=:memory:", new DataDirectory(Path.Combine(Path.GetTempPath(), "enact-tests", "model")));
        using var db = new EnactDbContext(options.Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: run `dotnet ef migrations add` for Enact.Migrations.Sqlite (see README).");
    }

    [Fact]
    public void Postgres_model_has_no_changes_without_a_migration()
    {
        var options = new DbContextOptionsBuilder<EnactDbContext>();
        DatabaseSetup.Configure(options, new DatabaseOptions { Provider = "Postgres" }, "Host=127.0.0.1;Database=unused", new DataDirectory(Path.Combine(Path.GetTempPath(), "enact-tests", "model")));
        using var db = new EnactDbContext(options.Options);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: run `dotnet ef migrations add` for Enact.Migrations.Postgres (see README).");
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task All_migrations_apply_to_an_empty_database_and_reference_data_loads(Provider provider)
    {
        await using var app = await EnactFactory.StartAsync(provider);
        var (pending, countries, technologies, sdg) = await app.WithDbAsync(async db => (
            (await db.Database.GetPendingMigrationsAsync()).Count(),
            await db.Countries.CountAsync(),
            await db.TaxonomyTerms.CountAsync(t => t.Taxonomy == "technology"),
            await db.TaxonomyTerms.CountAsync(t => t.Taxonomy == "sdg")));
        Assert.Equal(0, pending);
        Assert.Equal(22, countries);
        Assert.Equal(14, technologies);
        Assert.Equal(31, sdg);
    }

    [Fact]
    public async Task Sqlite_database_lives_in_the_data_directory_in_wal_mode()
    {
        await using var app = await EnactFactory.StartAsync();
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "enact.db")));
        Assert.True(Directory.Exists(Path.Combine(app.DataDirectory, "index")));
        Assert.True(Directory.Exists(Path.Combine(app.DataDirectory, "uploads")));
        var mode = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
        Assert.Equal("wal", Assert.Single(mode));
    }
}
