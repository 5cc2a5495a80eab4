using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Enact.BrowserTests.Infrastructure;

/// <summary>
/// The Nu HTML Checker (vnu-jar from npm, on the machine's Java). Java starts slowly, so a test collects the documents
/// it was served and checks them all in one run at its end.
/// </summary>
public static class HtmlValidator
{
    public sealed record Document(string Url, string Html);

    public sealed record Message(string Url, string Type, string? SubType, int? Line, int? Column, string Text, string? Extract)
    {
        public override string ToString()
            => $"{Url}:{Line}:{Column}: {Type}{(SubType is null ? "" : "/" + SubType)}: {Text}{(Extract is null ? "" : $"\n      …{Extract.ReplaceLineEndings(" ")}…")}";
    }

    /// <summary>Checks the documents and returns every message the checker reported (errors, warnings and info).</summary>
    public static async Task<IReadOnlyList<Message>> CheckAsync(IReadOnlyList<Document> documents)
    {
        if (documents.Count == 0)
        {
            return [];
        }
        var folder = Path.Combine(Path.GetTempPath(), "enact-vnu", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var byFile = new Dictionary<string, string>(StringComparer.Ordinal);
            var info = new ProcessStartInfo(Requirements.JavaPath)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var arg in new[] { "-Xss4m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", Requirements.VnuJarPath, "--format", "json", "--exit-zero-always", "--stdout" })
            {
                info.ArgumentList.Add(arg);
            }
            for (var i = 0; i < documents.Count; i++)
            {
                var file = Path.Combine(folder, $"page-{i:D3}.html");
                await File.WriteAllTextAsync(file, documents[i].Html, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                byFile[Path.GetFileName(file)] = documents[i].Url;
                info.ArgumentList.Add(file);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException("java did not start.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            var json = await stdout;
            if (process.ExitCode != 0 || string.IsNullOrWhiteSpace(json))
            {
                throw new InvalidOperationException($"The Nu HTML Checker exited with {process.ExitCode}:\n{await stderr}\n{json}");
            }
            return Parse(json, byFile);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Temp folder: the OS cleans it.
            }
        }
    }

    private static List<Message> Parse(string json, Dictionary<string, string> byFile)
    {
        using var doc = JsonDocument.Parse(json);
        var messages = new List<Message>();
        foreach (var m in doc.RootElement.GetProperty("messages").EnumerateArray())
        {
            var url = m.TryGetProperty("url", out var u) ? u.GetString() ?? "" : "";
            // "file:/tmp/enact-vnu/…/page-003.html": the file name says which page it was.
            var file = url[(url.LastIndexOf('/') + 1)..];
            messages.Add(new Message(
                byFile.TryGetValue(file, out var page) ? page : url,
                m.GetProperty("type").GetString() ?? "",
                m.TryGetProperty("subType", out var s) ? s.GetString() : null,
                m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : null,
                m.TryGetProperty("firstColumn", out var column) ? column.GetInt32() : null,
                m.TryGetProperty("message", out var text) ? text.GetString() ?? "" : "",
                m.TryGetProperty("extract", out var extract) ? extract.GetString() : null));
        }
        return messages;
    }
}
