using Enact.Web.Hosting;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = EnactHost.CreateBuilder(args);

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseEnactPipeline();
await app.RunAsync();
return 0;

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
