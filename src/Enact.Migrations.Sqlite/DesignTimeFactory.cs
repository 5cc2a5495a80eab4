using Enact.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Enact.Migrations.Sqlite;

/// <summary>Lets  build the context for this provider without the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<EnactDbContext>
{
    public EnactDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<EnactDbContext>();
        DatabaseSetup.Configure(builder, new DatabaseOptions { Provider = "Sqlite" }, "Data Source=design.db", new DataDirectory(Path.GetTempPath()));
        return new EnactDbContext(builder.Options);
    }
}
