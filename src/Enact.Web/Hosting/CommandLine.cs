using System.CommandLine;
using System.Globalization;
using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.CaseStudies;
using Enact.Core.Search;

namespace Enact.Web.Hosting;

/// <summary>The command-line verbs of the same program: migrate, create-user, import, export, reindex.</summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["migrate", "create-user", "import", "export", "reindex", "--help", "-h", "-?"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        var builder = EnactHost.CreateBuilder([]);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        // As the web app does at start: the embedded SQLite database is created and migrated on first use (each verb
        // but migrate asks for it first; import reads its file meanwhile).
        return await RunAsync(args, app.Services, Console.Out, Console.Error, app.InitializeDatabaseAsync);
    }

    /// <summary>Runs one verb against the given services (the tests pass the test server's, whose database is ready).</summary>
    public static Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error)
        => RunAsync(args, services, output, error, () => Task.CompletedTask);

    private static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output, TextWriter error, Func<Task> prepareDatabase)
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
            await prepareDatabase();
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

        AddCaseStudyVerbs(root, services, output, error, prepareDatabase);

        var config = new InvocationConfiguration { Output = output, Error = error };
        return await root.Parse(args).InvokeAsync(config);
    }

    private static void AddCaseStudyVerbs(RootCommand root, IServiceProvider services, TextWriter output, TextWriter error, Func<Task> prepareDatabase)
    {
        var importFile = new Argument<FileInfo>("file") { Description = "A JSON array of case studies in the interchange format." };
        var importCaseStudies = new Command("case-studies", "Import case studies, idempotent by id. Every record is checked first; if any is invalid, nothing is imported.")
        {
            importFile,
        };
        importCaseStudies.SetAction(async (parse, ct) =>
        {
            var file = parse.GetRequiredValue(importFile);
            if (!file.Exists)
            {
                await error.WriteLineAsync($"{file.FullName} does not exist.");
                return 2;
            }
            // Reading and deserializing a large file and preparing the database each take seconds and neither needs
            // the other: the file is read on another thread meanwhile.
            var reading = Task.Run(async () =>
            {
                await using var stream = file.OpenRead();
                return await CaseStudyInterchange.ReadAsync(stream, ct);
            }, ct);
            await prepareDatabase();
            var content = await reading;
            await using var scope = services.CreateAsyncScope();
            var interchange = scope.ServiceProvider.GetRequiredService<CaseStudyInterchange>();
            var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
            var progress = interactive ? new Progress<(int Done, int Total)>(p => ShowProgress(output, p.Done, p.Total)) : null;
            var outcome = await interchange.ImportAsync(content, AuditActor.CommandLine, progress, ct);
            if (interactive)
            {
                await output.WriteLineAsync();
            }
            if (!outcome.Succeeded)
            {
                foreach (var problem in outcome.Errors)
                {
                    await error.WriteLineAsync(problem.ToString());
                }
                await error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{outcome.Errors.Select(e => e.Position).Distinct().Count()} invalid records: nothing was imported."));
                return 1;
            }
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Imported {outcome.Total} case studies: {outcome.Created} created, {outcome.Updated} updated, {outcome.Unchanged} unchanged."));
            return 0;
        });
        root.Subcommands.Add(new Command("import", "Import records from a file.") { importCaseStudies });

        var exportFile = new Argument<FileInfo>("file") { Description = "The JSON file to write (replaced if it exists)." };
        var exportCaseStudies = new Command("case-studies", "Export published and draft case studies in the interchange format.") { exportFile };
        exportCaseStudies.SetAction(async (parse, ct) =>
        {
            var file = parse.GetRequiredValue(exportFile);
            await prepareDatabase();
            await using var scope = services.CreateAsyncScope();
            var interchange = scope.ServiceProvider.GetRequiredService<CaseStudyInterchange>();
            var temp = file.FullName + ".tmp";
            int count;
            await using (var stream = File.Create(temp))
            {
                count = await interchange.ExportAsync(stream, ct);
            }
            File.Move(temp, file.FullName, overwrite: true);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Exported {count} case studies to {file.FullName}."));
            return 0;
        });
        root.Subcommands.Add(new Command("export", "Export records to a file.") { exportCaseStudies });

        var reindex = new Command("reindex", "Rebuild this instance's search index from the database into a new folder, then swap it in.");
        reindex.SetAction(async (_, ct) =>
        {
            await prepareDatabase();
            await using var scope = services.CreateAsyncScope();
            var count = await scope.ServiceProvider.GetRequiredService<CaseStudyIndexer>().RebuildAsync(ct);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Indexed {count} published case studies."));
            return 0;
        });
        root.Subcommands.Add(reindex);
    }

    private static void ShowProgress(TextWriter output, int done, int total)
    {
        const int width = 30;
        var filled = total == 0 ? width : (int)((long)done * width / total);
        output.Write(string.Create(CultureInfo.InvariantCulture, $"\r[{new string('#', filled)}{new string('-', width - filled)}] {done}/{total}"));
    }
}
