using System.Reflection;

namespace Enact.BrowserTests.Infrastructure;

public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding Enact.slnx, found by walking up from the test assembly.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The build configuration the tests were built with (Debug or Release): the server is run from the same one.</summary>
    public static string Configuration =>
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } c ? c : "Debug";

    public static string ServerAssembly => Path.Combine(Root, "src", "Enact.Web", "bin", Configuration, "net10.0", "Enact.Web.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Enact.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Enact.slnx above {AppContext.BaseDirectory}.");
    }
}
