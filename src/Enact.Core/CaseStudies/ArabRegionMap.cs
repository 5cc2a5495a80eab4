using System.Text.Json;
using Enact.Core.Reference;

namespace Enact.Core.CaseStudies;

/// <summary>One country of the map: its shape, its number of case studies and its shade bucket (0 = none).</summary>
public sealed record MapCountry(string Code, string NameAr, string NameEn, string Path, int Count, int Bucket)
{
    public string Name(bool arabic) => arabic ? NameAr : NameEn;
}

/// <summary>The map of the Arab region shaded by counts: shapes from the embedded resource (see tools/arab-map).</summary>
public sealed record ArabRegionMap(int Width, int Height, IReadOnlyList<MapCountry> Countries)
{
    /// <summary>Lower bounds of the shade buckets 1..n (bucket 0 is "no case study").</summary>
    public static readonly IReadOnlyList<int> BucketFloors = [1, 2, 5, 10];

    private static readonly Lazy<Shapes> Loaded = new(Load);

    public static int BucketOf(int count)
    {
        var bucket = 0;
        for (var i = 0; i < BucketFloors.Count; i++)
        {
            if (count >= BucketFloors[i])
            {
                bucket = i + 1;
            }
        }
        return bucket;
    }

    /// <summary>Every Arab state with its count (zero when absent), ordered by count then code.</summary>
    public static ArabRegionMap Of(IEnumerable<(string Code, int Count)> counts)
    {
        var shapes = Loaded.Value;
        var byCode = counts.ToDictionary(c => c.Code, c => c.Count, StringComparer.Ordinal);
        var countries = ReferenceData.Countries
            .Where(c => shapes.Paths.ContainsKey(c.Code))
            .Select(c =>
            {
                var count = byCode.GetValueOrDefault(c.Code);
                return new MapCountry(c.Code, c.NameAr, c.NameEn, shapes.Paths[c.Code], count, BucketOf(count));
            })
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        return new ArabRegionMap(shapes.Width, shapes.Height, countries);
    }

    private sealed record Shapes(int Width, int Height, Dictionary<string, string> Paths);

    private static Shapes Load()
    {
        using var stream = typeof(ArabRegionMap).Assembly.GetManifestResourceStream("Enact.Core.CaseStudies.ArabRegionShapes.json")
            ?? throw new InvalidOperationException("The embedded Arab region shapes are missing.");
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var paths = root.GetProperty("shapes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        return new Shapes(root.GetProperty("width").GetInt32(), root.GetProperty("height").GetInt32(), paths);
    }
}
