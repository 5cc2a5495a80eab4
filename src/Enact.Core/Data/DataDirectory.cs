namespace Enact.Core.Data;

/// <summary>
/// The one directory the embedded default writes to: SQLite database, search index, uploads and outgoing mail.
/// Taken from ENACT_DATA_DIR, else ./data under the current directory.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(IndexPath);
        Directory.CreateDirectory(UploadsPath);
        Directory.CreateDirectory(MailPath);
    }

    public string Root { get; }
    public string DatabasePath => Path.Combine(Root, "enact.db");
    public string IndexPath => Path.Combine(Root, "index");
    public string UploadsPath => Path.Combine(Root, "uploads");
    public string MailPath => Path.Combine(Root, "mail");

    public static DataDirectory FromEnvironment(string? configured = null)
    {
        var path = configured;
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Environment.GetEnvironmentVariable("ENACT_DATA_DIR");
        }
        if (string.IsNullOrWhiteSpace(path))
        {
            path = Path.Combine(Directory.GetCurrentDirectory(), "data");
        }
        return new DataDirectory(path);
    }
}
