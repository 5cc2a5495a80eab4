using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Enact.BrowserTests.Infrastructure;

/// <summary>
/// The real server process (<c>dotnet Enact.Web.dll</c>) on a free port of 127.0.0.1, with a fresh data directory,
/// demo content and the Production environment. One per test assembly; tests use fresh e-mail addresses so they do not collide.
/// </summary>
public sealed partial class EnactServer : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly StringBuilder _output = new();
    private Process? _process;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "enact-browser-tests", Guid.NewGuid().ToString("N"));

    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Everything the server printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        if (!File.Exists(RepositoryPaths.ServerAssembly))
        {
            throw new InvalidOperationException($"The server is not built: {RepositoryPaths.ServerAssembly} is missing. Run `dotnet build` at the repository root.");
        }
        // A port picked free can be taken by someone else before the server binds it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            BaseAddress = new Uri($"http://127.0.0.1:{port}/");
            _process = Start(["--urls", $"http://127.0.0.1:{port}"], redirectToOutput: true);
            var started = await WaitForHealthAsync(_process);
            if (started)
            {
                return;
            }
            if (attempt >= 3 || !Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await StopAsync();
                throw new InvalidOperationException($"The server did not answer GET /health with 200 within {StartTimeout.TotalSeconds:0} s.\n{Output}");
            }
            await StopAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open: the temp folder is cleaned by the OS.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Runs a command-line verb of the same program against the same data directory, e.g. <c>create-user</c>.</summary>
    public async Task<CommandResult> RunCommandAsync(params string[] args)
    {
        using var process = Start(args, redirectToOutput: false);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`Enact.Web {string.Join(' ', args)}` did not finish within {CommandTimeout.TotalSeconds:0} s.");
        }
        return new CommandResult(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Creates an account with the command line and returns its one-time password.</summary>
    public async Task<string> CreateUserAsync(string email, string role, string? name = null, params string[] countries)
    {
        List<string> args = ["create-user", "--email", email, "--role", role];
        if (name is not null)
        {
            args.AddRange(["--name", name]);
        }
        foreach (var country in countries)
        {
            args.AddRange(["--country", country]);
        }
        var result = await RunCommandAsync([.. args]);
        var match = OneTimePasswordLine().Match(result.Output);
        Assert.True(result.ExitCode == 0 && match.Success,
            $"create-user exited with {result.ExitCode}.\nOutput:\n{result.Output}\nErrors:\n{result.Error}");
        return match.Groups[1].Value;
    }

    /// <summary>Messages written to the outgoing-mail folder for an address, newest first.</summary>
    public IReadOnlyList<MimeMessage> MailTo(string address)
    {
        if (!Directory.Exists(MailDirectory))
        {
            return [];
        }
        var messages = new List<MimeMessage>();
        foreach (var file in Directory.EnumerateFiles(MailDirectory, "*.eml").OrderByDescending(f => f, StringComparer.Ordinal))
        {
            MimeMessage message;
            try
            {
                message = MimeMessage.Load(file);
            }
            catch (IOException)
            {
                continue; // still being written
            }
            if (message.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                messages.Add(message);
            }
        }
        return messages;
    }

    /// <summary>Waits for the first message to an address to appear in the outgoing-mail folder.</summary>
    public async Task<MimeMessage> WaitForMailAsync(string address, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var messages = MailTo(address);
            if (messages.Count > 0)
            {
                return messages[0];
            }
            if (DateTime.UtcNow > deadline)
            {
                var files = Directory.Exists(MailDirectory) ? Directory.GetFiles(MailDirectory, "*.eml").Length : 0;
                Assert.Fail($"No e-mail to {address} in {MailDirectory} ({files} other messages there).\nServer output:\n{Output}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The path and query of the first link in a message whose path contains <paramref name="pathPart"/>
    /// (or the first link to this server when <paramref name="pathPart"/> is null).
    /// </summary>
    public static string LinkIn(MimeMessage message, string? pathPart = null)
    {
        var bodies = new[] { message.TextBody, message.HtmlBody }.Where(b => !string.IsNullOrEmpty(b));
        var links = bodies.SelectMany(b => LinkPattern().Matches(b!).Select(m => new Uri(WebUtility.HtmlDecode(m.Value)))).ToList();
        var link = links.FirstOrDefault(l => pathPart is null || l.AbsolutePath.Contains(pathPart, StringComparison.OrdinalIgnoreCase));
        Assert.True(link is not null,
            $"No link{(pathPart is null ? "" : $" containing '{pathPart}'")} in the message \"{message.Subject}\":\n{message.TextBody ?? message.HtmlBody}");
        return link.PathAndQuery;
    }

    private Process Start(IReadOnlyList<string> args, bool redirectToOutput)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = DataDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(RepositoryPaths.ServerAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["ENACT_DATA_DIR"] = DataDirectory;
        info.Environment["Enact__DemoContent"] = "true";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        // The flows sign in several times a minute from one address.
        info.Environment["RateLimiting__AuthPermitsPerMinute"] = "1000";
        // Settings a developer's shell might carry must not reach the server under test.
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment.Remove("ConnectionStrings__Enact");
        info.Environment.Remove("Database__Provider");

        var process = new Process { StartInfo = info };
        if (redirectToOutput)
        {
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
        }
        process.Start();
        if (redirectToOutput)
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        return process;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task<bool> WaitForHealthAsync(Process process)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                return false;
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return true;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy migrating.
            }
            await Task.Delay(200);
        }
        return false;
    }

    private async Task StopAsync()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await process.WaitForExitAsync(timeout.Token);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        catch (OperationCanceledException)
        {
            // Killed but not reaped in time; the OS finishes it.
        }
        finally
        {
            process.Dispose();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [GeneratedRegex(@"One-time password:\s*(\S+)")]
    private static partial Regex OneTimePasswordLine();

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex LinkPattern();
}

public sealed record CommandResult(int ExitCode, string Output, string Error);
