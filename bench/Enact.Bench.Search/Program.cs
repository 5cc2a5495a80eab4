using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Enact.Core.Data;
using Enact.Core.Search;
using Microsoft.Extensions.Logging.Abstractions;

// Times CaseStudySearch.Search (and writing the API's JSON) on one thread, against a data directory whose index was
// built by the server (bench/run.sh leaves one per N under bench/out/data-N). Reports wall and process CPU time per
// call, so a figure taken on a shared machine can be read with the CPU it actually got.
// Usage: dotnet bench/Enact.Bench.Search/bin/Release/net10.0/Enact.Bench.Search.dll DATA_DIR [iterations [case]]
if (args.Length < 1)
{
    Console.Error.WriteLine("usage: Enact.Bench.Search DATA_DIR [iterations]");
    return 2;
}
var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
using var index = new SearchIndex(new DataDirectory(args[0]), NullLogger<SearchIndex>.Instance);
// The result cache is off unless BENCH_CACHE=1: the figures are the search's own cost.
var cached = Environment.GetEnvironmentVariable("BENCH_CACHE") == "1";
using var search = new CaseStudySearch(index, new IndexingOptions { ResultCacheMegabytes = cached ? 64 : 0 });
Dictionary<string, IReadOnlyList<string>> Filter(string facet, string value) => new(StringComparer.Ordinal) { [facet] = [value] };
var cases = new (string Name, CaseStudyQuery Query)[]
{
    ("api q+country", new CaseStudyQuery { Text = "والحكومات الرقمية", Language = "ar", Filters = Filter("country", "LB") }),
    ("q only", new CaseStudyQuery { Text = "والحكومات الرقمية", Language = "ar" }),
    ("country only", new CaseStudyQuery { Filters = Filter("country", "LB") }),
    ("all, newest", new CaseStudyQuery()),
    ("q two facets", new CaseStudyQuery { Text = "والحكومات الرقمية", Language = "ar", Filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal) { ["country"] = ["LB", "JO"], ["sector"] = ["health"] } }),
    ("en q+country", new CaseStudyQuery { Text = "digital government", Language = "en", Filters = Filter("country", "EG") }),
    ("q page 3 newest", new CaseStudyQuery { Text = "الرقمية", Language = "ar", Sort = SearchSort.Newest, Page = 3 }),
    ("q pageSize=1", new CaseStudyQuery { Text = "والحكومات الرقمية", Language = "ar", Filters = Filter("country", "LB"), PageSize = 1 }),
};
var only = args.Length > 2 ? args[2] : null;
// BENCH_DUMP=DIR writes each case's answer there, to compare two builds' answers byte for byte.
var dump = Environment.GetEnvironmentVariable("BENCH_DUMP");
var selected = cases.Where(c => only is null || c.Name.Contains(only, StringComparison.Ordinal)).ToArray();
// Warm up every selected case together first, past tiered compilation and on-stack replacement (tier 0, then the
// optimised code with profile-guided choices after enough calls), so the first case measured is not the one paying for it.
var warmAll = Stopwatch.StartNew();
while (warmAll.Elapsed < TimeSpan.FromSeconds(6))
{
    foreach (var (_, query) in selected)
    {
        Run(query);
    }
}
foreach (var (name, query) in selected)
{
    if (!string.IsNullOrEmpty(dump))
    {
        Directory.CreateDirectory(dump);
        using var file = File.Create(Path.Combine(dump, name.Replace(' ', '_').Replace('=', '_') + ".json"));
        JsonSerializer.Serialize(file, search.Search(query), CaseStudyApiJson.Options);
    }
    // Warm up past tiered compilation (tier 0, then the optimised code after 30 calls and a short delay).
    var warm = Stopwatch.StartNew();
    while (warm.Elapsed < TimeSpan.FromSeconds(2))
    {
        Run(query);
    }
    var process = Process.GetCurrentProcess();
    var cpu0 = process.TotalProcessorTime;
    var clock = Stopwatch.StartNew();
    var times = new double[iterations];
    long bytes = 0;
    for (var i = 0; i < iterations; i++)
    {
        var start = clock.Elapsed;
        bytes = Run(query);
        times[i] = (clock.Elapsed - start).TotalMilliseconds;
    }
    process.Refresh();
    var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds / iterations;
    Array.Sort(times);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-16} wall p50 {times[iterations / 2],7:F3} ms  p99 {times[iterations * 99 / 100],7:F3} ms  cpu/call {cpu,7:F3} ms  {bytes,8} bytes  load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
}
return 0;

long Run(CaseStudyQuery query)
{
    var result = search.Search(query);
    using var stream = new MemoryStream();
    JsonSerializer.Serialize(stream, result, CaseStudyApiJson.Options);
    return stream.Length;
}
