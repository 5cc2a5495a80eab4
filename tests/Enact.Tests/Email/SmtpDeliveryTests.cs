using System.Net;
using System.Net.Sockets;
using System.Text;
using Enact.Core.Email;
using Enact.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Enact.Tests.Email;

public sealed class SmtpDeliveryTests
{
    [Fact]
    public async Task With_an_smtp_host_configured_mail_goes_through_smtp_and_not_to_the_folder()
    {
        using var server = new OneMessageSmtpServer();
        await using var app = await EnactFactory.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Email:SmtpHost"] = "127.0.0.1",
            ["Email:SmtpPort"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:FromAddress"] = "portal@enact.example",
        });
        var sender = app.Services.GetRequiredService<IMailSender>();
        await sender.SendAsync(new OutgoingMail("reader@test.example", "مرحبا", "<p>نص</p>", "نص"));

        var received = await server.Received.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains(received.Commands, c => c.StartsWith("MAIL FROM:<portal@enact.example>", StringComparison.Ordinal));
        Assert.Contains("RCPT TO:<reader@test.example>", received.Commands);
        Assert.Contains("Subject: =?utf-8?", received.Data, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "mail")));
    }

    [Fact]
    public async Task Without_an_smtp_host_mail_is_written_to_the_outgoing_folder()
    {
        await using var app = await EnactFactory.StartAsync();
        var sender = app.Services.GetRequiredService<IMailSender>();
        await sender.SendAsync(new OutgoingMail("reader@test.example", "Hello", "<p>Body</p>", "Body"));
        var message = Assert.Single(TestClient.MailTo(app, "reader@test.example"));
        Assert.Equal("Hello", message.Subject);
        Assert.Equal("Body", message.TextBody?.Trim());
    }

    /// <summary>A minimal SMTP peer on loopback that accepts one message and records what it was told.</summary>
    private sealed class OneMessageSmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly TaskCompletionSource<(List<string> Commands, string Data)> _received = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public OneMessageSmtpServer()
        {
            _listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public Task<(List<string> Commands, string Data)> Received => _received.Task;

        private async Task ServeAsync()
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync();
                await using var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.UTF8);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
                var commands = new List<string>();
                var data = new StringBuilder();
                await writer.WriteLineAsync("220 localhost test SMTP");
                while (await reader.ReadLineAsync() is { } line)
                {
                    commands.Add(line);
                    if (line.StartsWith("EHLO", StringComparison.OrdinalIgnoreCase))
                    {
                        await writer.WriteLineAsync("250-localhost\r\n250 8BITMIME");
                    }
                    else if (line.StartsWith("DATA", StringComparison.OrdinalIgnoreCase))
                    {
                        await writer.WriteLineAsync("354 go ahead");
                        while (await reader.ReadLineAsync() is { } body && body != ".")
                        {
                            data.AppendLine(body);
                        }
                        await writer.WriteLineAsync("250 queued");
                    }
                    else if (line.StartsWith("QUIT", StringComparison.OrdinalIgnoreCase))
                    {
                        await writer.WriteLineAsync("221 bye");
                        break;
                    }
                    else
                    {
                        await writer.WriteLineAsync("250 ok");
                    }
                }
                _received.TrySetResult((commands, data.ToString()));
            }
            catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException)
            {
                _received.TrySetException(ex);
            }
        }

        public void Dispose() => _listener.Stop();
    }
}
