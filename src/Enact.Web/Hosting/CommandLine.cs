using System.CommandLine;
using Enact.Core.Accounts;

namespace Enact.Web.Hosting;

/// <summary>The command-line verbs of the same program: migrate, create-user (and, with later features, import, export, reindex).</summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["migrate", "create-user", "--help", "-h", "-?"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = EnactHost.CreateBuilder([]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        return await RunAsync(args, app.Services, Console.Out, Console.Error);
    }

    /// <summary>Runs one verb against the given services (the tests pass the test server's).</summary>
    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Enact: Open Government and Innovation Portal for the Arab Region. Without a verb, the web portal starts.");

        var migrate = new Command("migrate", "Apply database migrations for the configured provider, then load reference data.");
        migrate.SetAction(async (_, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            await output.WriteLineAsync("Database is up to date.");
            return 0;
        });
        root.Subcommands.Add(migrate);

        var email = new Option<string>("--email") { Description = "E-mail address of the new account.", Required = true };
        var role = new Option<string>("--role") { Description = "Role: " + string.Join(", ", Roles.All) + ".", Required = true };
        var name = new Option<string?>("--name") { Description = "Display name (defaults to the e-mail address)." };
        var country = new Option<string[]>("--country") { Description = "ISO code of a country the focal point speaks for (repeatable).", AllowMultipleArgumentsPerToken = true };
        var createUser = new Command("create-user", "Create a confirmed account with a role and print a one-time password, to be changed at first sign-in.")
        {
            email, role, name, country,
        };
        createUser.SetAction(async (parse, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            var outcome = await accounts.CreateWithOneTimePasswordAsync(
                parse.GetRequiredValue(email), parse.GetValue(name), parse.GetRequiredValue(role), parse.GetValue(country) ?? [], ct);
            if (!outcome.Succeeded)
            {
                foreach (var message in outcome.Errors)
                {
                    await error.WriteLineAsync(message);
                }
                return 1;
            }
            await output.WriteLineAsync($"Created {parse.GetRequiredValue(email)} with role {parse.GetRequiredValue(role)}.");
            await output.WriteLineAsync($"One-time password: {outcome.Password}");
            await output.WriteLineAsync("It must be changed at the first sign-in.");
            return 0;
        });
        root.Subcommands.Add(createUser);

        var config = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(config);
    }
}
