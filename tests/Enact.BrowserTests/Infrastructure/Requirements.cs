namespace Enact.BrowserTests.Infrastructure;

/// <summary>
/// What the browser tests need from the machine: Debian's Chromium, a Java runtime and the Nu HTML Checker (npm ci).
/// On a developer's machine without them the tests skip with a message; under CI (CI=true) they fail instead.
/// </summary>
public static class Requirements
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string JavaPath = "/usr/bin/java";

    public static bool Required => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string VnuJarPath => Path.Combine(RepositoryPaths.Root, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");

    /// <summary>Why the browser tests cannot run here, or null when everything is installed.</summary>
    public static string? Missing()
    {
        var missing = new List<string>();
        if (!File.Exists(ChromiumPath))
        {
            missing.Add($"Chromium at {ChromiumPath} (apt-get install chromium fonts-noto-core)");
        }
        if (!File.Exists(JavaPath))
        {
            missing.Add($"Java at {JavaPath} (apt-get install default-jre-headless)");
        }
        if (!File.Exists(VnuJarPath))
        {
            missing.Add($"the Nu HTML Checker at {VnuJarPath} (run `npm ci` at the repository root)");
        }
        return missing.Count == 0 ? null : "Browser tests need " + string.Join(", ", missing) + ".";
    }

    /// <summary>Skips (or, in CI, fails) the calling test when something the browser tests need is missing.</summary>
    public static void Require()
    {
        var missing = Missing();
        if (missing is null)
        {
            return;
        }
        if (Required)
        {
            Assert.Fail(missing + " CI (CI=true) requires the browser tests to run.");
        }
        Assert.Skip(missing);
    }
}
