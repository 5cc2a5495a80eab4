using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Enact.Web.Hosting;

public static class EnactHost
{
    /// <summary>
    /// The host reads its settings and static files from the program's own folder, whatever the current directory,
    /// because the current directory is where the data directory lives.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (!Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")))
        {
            // Running from the build output rather than a published folder: serve wwwroot from the project.
            builder.WebHost.UseStaticWebAssets();
        }
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        // Arabic text is written as characters, not as numeric entities: pages stay small and readable.
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.AddEnact();
        return builder;
    }
}
