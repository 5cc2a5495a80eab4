using Enact.BrowserTests.Infrastructure;

// One server process and one browser for the whole assembly; each test opens its own browser context.
[assembly: AssemblyFixture(typeof(EnactServer))]
[assembly: AssemblyFixture(typeof(BrowserFixture))]
