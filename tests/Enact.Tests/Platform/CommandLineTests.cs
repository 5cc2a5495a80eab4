using Enact.Core.Accounts;
using Enact.Tests.Infrastructure;
using Enact.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Enact.Tests.Platform;

public sealed class CommandLineTests
{
    private static async Task<(int Exit, string Output, string Error)> RunAsync(EnactFactory app, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, app.Services, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Create_user_prints_a_one_time_password_that_signs_in_and_must_be_changed()
    {
        await using var app = await EnactFactory.StartAsync();
        var (exit, output, _) = await RunAsync(app, "create-user", "--email", "a@b.example", "--role", "Administrator");
        Assert.Equal(0, exit);
        var password = output.Split('\n').Single(l => l.StartsWith("One-time password: ", StringComparison.Ordinal))["One-time password: ".Length..].Trim();
        Assert.Equal(20, password.Length);

        await using var scope = app.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EnactUser>>();
        var user = await users.FindByEmailAsync("a@b.example");
        Assert.NotNull(user);
        Assert.True(user.EmailConfirmed);
        Assert.True(user.MustChangePassword);
        Assert.True(await users.CheckPasswordAsync(user, password));
        Assert.Equal([Roles.Administrator], await users.GetRolesAsync(user));
        var audit = await scope.ServiceProvider.GetRequiredService<Enact.Core.Data.EnactDbContext>().AuditEntries
            .SingleAsync(a => a.EntityId == user.Id.ToString());
        Assert.Equal("user.created", audit.Action);
        Assert.Equal("command-line", audit.ActorEmail);
    }

    [Fact]
    public async Task Create_user_for_a_focal_point_records_the_countries()
    {
        await using var app = await EnactFactory.StartAsync();
        var (exit, _, _) = await RunAsync(app, "create-user", "--email", "fp@b.example", "--role", "FocalPoint", "--country", "LB", "--country", "jo");
        Assert.Equal(0, exit);
        var countries = await app.WithDbAsync(db => db.UserCountries.Where(c => db.Users.Any(u => u.Id == c.UserId && u.Email == "fp@b.example"))
            .Select(c => c.CountryCode).OrderBy(c => c).ToListAsync());
        Assert.Equal(["JO", "LB"], countries);
    }

    [Theory]
    [InlineData("Emperor", null, "UnknownRole")]
    [InlineData("FocalPoint", null, "FocalPointNeedsCountry")]
    [InlineData("FocalPoint", "FR", "UnknownCountry")]
    [InlineData("Editor", "LB", "CountryNeedsFocalPoint")]
    public async Task Create_user_refuses_bad_input_and_stores_nothing(string role, string? country, string expected)
    {
        await using var app = await EnactFactory.StartAsync();
        string[] args = country is null
            ? ["create-user", "--email", "x@b.example", "--role", role]
            : ["create-user", "--email", "x@b.example", "--role", role, "--country", country];
        var (exit, _, error) = await RunAsync(app, args);
        Assert.NotEqual(0, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == "x@b.example")));
    }

    [Fact]
    public async Task Create_user_refuses_an_address_that_exists()
    {
        await using var app = await EnactFactory.StartAsync();
        Assert.Equal(0, (await RunAsync(app, "create-user", "--email", "dup@b.example", "--role", "Editor")).Exit);
        var (exit, _, error) = await RunAsync(app, "create-user", "--email", "dup@b.example", "--role", "Editor");
        Assert.NotEqual(0, exit);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task Help_lists_the_verbs()
    {
        await using var app = await EnactFactory.StartAsync();
        var (exit, output, _) = await RunAsync(app, "--help");
        Assert.Equal(0, exit);
        Assert.Contains("migrate", output, StringComparison.Ordinal);
        Assert.Contains("create-user", output, StringComparison.Ordinal);
        var (_, createHelp, _) = await RunAsync(app, "create-user", "--help");
        Assert.Contains("--email", createHelp, StringComparison.Ordinal);
        Assert.Contains("--role", createHelp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_is_idempotent()
    {
        await using var app = await EnactFactory.StartAsync();
        var (exit, output, _) = await RunAsync(app, "migrate");
        Assert.Equal(0, exit);
        Assert.Contains("up to date", output, StringComparison.Ordinal);
        Assert.Equal(22, await app.WithDbAsync(db => db.Countries.CountAsync()));
    }
}
