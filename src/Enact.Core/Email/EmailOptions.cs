namespace Enact.Core.Email;

/// <summary>Settings under "Email". Without a host, every message is written as an .eml file under the data directory.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 587;
    public bool UseStartTls { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "no-reply@enact.example";
    public string FromName { get; set; } = "Enact";
}
