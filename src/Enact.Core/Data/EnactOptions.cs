namespace Enact.Core.Data;

/// <summary>Settings under the "Enact" section.</summary>
public sealed class EnactOptions
{
    public const string Section = "Enact";

    /// <summary>Load demo content on first run (production installs set this to false).</summary>
    public bool DemoContent { get; set; } = true;

    /// <summary>Public base address used in e-mailed links when no request is at hand (CLI).</summary>
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Settings under the "Database" section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>"Sqlite" (embedded default) or "Postgres".</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>Apply migrations and reference data when the web app starts.</summary>
    public bool MigrateOnStart { get; set; } = true;

    public bool IsPostgres => string.Equals(Provider, "Postgres", StringComparison.OrdinalIgnoreCase)
        || string.Equals(Provider, "PostgreSQL", StringComparison.OrdinalIgnoreCase);
}
