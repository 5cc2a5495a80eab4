using System.Net;
using System.Text.Json;
using Enact.Core.CaseStudies;
using Enact.Tests.Infrastructure;
using Enact.Web.Hosting;

namespace Enact.Tests.CaseStudies;

/// <summary>Intent helpers for case-study tests: sample records, files, the CLI and waiting for the search worker.</summary>
public static class CaseStudyData
{
    public static CaseStudyRecord Record(
        string id,
        string country = "LB",
        int year = 2021,
        string? titleAr = "منصة رقمية لتراخيص البناء",
        string? summaryAr = "تتيح الحكومة تقديم طلبات التراخيص عبر الإنترنت.",
        string? titleEn = "Digital building permits",
        string? summaryEn = "The government takes permit applications online.",
        string[]? technologies = null,
        string[]? beneficiaries = null,
        string? level = "national",
        string? status = null)
        => new()
        {
            Id = id,
            Country = country,
            YearLaunched = year,
            LevelOfGovernment = level,
            OrganisationType = "government",
            Organisation = LocalizedText.Of("وزارة الأشغال العامة", "Ministry of Public Works"),
            Title = LocalizedText.Of(titleAr, titleEn),
            Summary = LocalizedText.Of(summaryAr, summaryEn),
            Description = LocalizedText.Of("قامت **الوزارة** بتطوير منصة إلكترونية.", "The **ministry** built an online platform."),
            Results = LocalizedText.Of("انخفض زمن المعالجة بنسبة ٦٠٪.", "Processing time fell by 60%."),
            LessonsLearned = LocalizedText.Of("إشراك المستخدمين منذ البداية.", "Involve users from the start."),
            Technologies = technologies ?? ["blockchain"],
            Dimensions = ["trust"],
            SdgTargets = ["16.6"],
            Sectors = ["general-public-services"],
            Beneficiaries = beneficiaries,
            Website = "https://example.gov.lb/permits",
            Status = status,
        };

    public static string WriteFile(EnactFactory app, IEnumerable<object> records, string name = "case-studies.json")
    {
        var path = Path.Combine(app.DataDirectory, name);
        File.WriteAllText(path, JsonSerializer.Serialize(records, InterchangeJson.Indented));
        return path;
    }

    public static async Task<(int Exit, string Output, string Error)> RunAsync(EnactFactory app, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync(args, app.Services, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    public static async Task ImportAsync(EnactFactory app, params CaseStudyRecord[] records)
    {
        var (exit, output, error) = await RunAsync(app, "import", "case-studies", WriteFile(app, records, $"import-{Guid.NewGuid():N}.json"));
        Assert.True(exit == 0, $"import failed: {output} {error}");
    }

    /// <summary>
    /// GETs an API address until the answer satisfies <paramref name="until"/> (the worker applies tasks in the
    /// background); fails with the last answer when it never does. The limit only bounds a broken run.
    /// </summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient client, string path, Func<JsonElement, bool> until)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string last;
        while (true)
        {
            using var response = await client.GetAsync(path);
            last = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {last}");
            var json = JsonDocument.Parse(last).RootElement.Clone();
            if (until(json))
            {
                return json;
            }
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"GET {path} never satisfied the condition; last answer: {last}");
            }
            await Task.Delay(50);
        }
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {path}: expected {(int)expected}, got {(int)response.StatusCode} {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static int Total(JsonElement result) => result.GetProperty("total").GetInt32();

    public static List<string> Ids(JsonElement result)
        => result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();

    public static Dictionary<string, int> Facet(JsonElement result, string facet)
        => result.GetProperty("facets").GetProperty(facet).EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32(), StringComparer.Ordinal);
}
