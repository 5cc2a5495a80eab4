using System.Globalization;
using System.Xml.Linq;
using Enact.Web.Localization;

namespace Enact.Tests.Platform;

public sealed class LocalizationTests
{
    private static string LocalizationFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Enact.slnx")))
        {
            dir = dir.Parent;
        }
        Assert.NotNull(dir);
        return Path.Combine(dir.FullName, "src", "Enact.Web", "Localization");
    }

    private static Dictionary<string, string> Read(string path)
        => XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")?.Value ?? "", StringComparer.Ordinal);

    public static TheoryData<string> ResourceSets()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(LocalizationFolder(), "*.ar.resx").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file)[..^".ar.resx".Length]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void Arabic_and_english_resources_have_the_same_keys_and_no_empty_text(string set)
    {
        var folder = LocalizationFolder();
        var ar = Read(Path.Combine(folder, set + ".ar.resx"));
        var en = Read(Path.Combine(folder, set + ".en.resx"));
        Assert.Empty(ar.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(ar.Keys));
        Assert.All(ar, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), $"{set}.ar: {kv.Key} is empty"));
        Assert.All(en, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), $"{set}.en: {kv.Key} is empty"));
        // Placeholders must match, or a formatted message would lose or misplace a value.
        Assert.All(ar, kv => Assert.Equal(Placeholders(en[kv.Key]), Placeholders(kv.Value)));
    }

    [Fact]
    public void Every_resource_set_has_both_languages()
    {
        var folder = LocalizationFolder();
        var arabic = Directory.EnumerateFiles(folder, "*.ar.resx").Select(f => Path.GetFileName(f)[..^8]).Order(StringComparer.Ordinal);
        var english = Directory.EnumerateFiles(folder, "*.en.resx").Select(f => Path.GetFileName(f)[..^8]).Order(StringComparer.Ordinal);
        Assert.Equal(arabic, english);
    }

    [Fact]
    public void Arabic_dates_use_the_gregorian_calendar_and_identifiers_stay_invariant()
    {
        var date = new DateTime(2023, 3, 20, 10, 0, 0, DateTimeKind.Utc);
        Assert.IsType<GregorianCalendar>(Cultures.ArabicCulture.DateTimeFormat.Calendar);
        Assert.Contains("2023", date.ToString("d MMMM yyyy", Cultures.ArabicCulture), StringComparison.Ordinal);
        Assert.Equal("2023", 2023.ToString(CultureInfo.InvariantCulture));
    }

    private static string Placeholders(string text)
        => string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal));
}
