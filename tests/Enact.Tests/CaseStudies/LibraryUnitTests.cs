using Enact.Core.CaseStudies;

namespace Enact.Tests.CaseStudies;

/// <summary>The library's pure parts: safe highlights and Markdown, map buckets and shapes.</summary>
public sealed class LibraryUnitTests
{
    [Theory]
    [InlineData("<mark>Permits</mark> online", "<mark>Permits</mark> online")]
    [InlineData("&lt;script&gt;x&lt;/script&gt; <mark>a</mark>", "&lt;script&gt;x&lt;/script&gt; <mark>a</mark>")]
    [InlineData("<script>x</script> <mark>a</mark>", "&lt;script&gt;x&lt;/script&gt; <mark>a</mark>")]
    [InlineData("<mark>open", "<mark>open</mark>")]
    [InlineData("a &amp; b <mark>c</mark>", "a &amp; b <mark>c</mark>")]
    [InlineData("<mark><b>x</b></mark>", "<mark>&lt;b&gt;x&lt;/b&gt;</mark>")]
    public void Highlights_keep_only_marks(string input, string expected)
        => Assert.Equal(expected, SafeHtml.Highlight(input));

    [Fact]
    public void Markdown_is_rendered_without_raw_html_or_scripts()
    {
        var html = SafeHtml.Markdown("**bold** <script>alert(1)</script> [link](javascript:alert(1)) [ok](https://example.org)");
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 2)]
    [InlineData(5, 3)]
    [InlineData(9, 3)]
    [InlineData(10, 4)]
    [InlineData(500, 4)]
    public void Counts_fall_into_buckets(int count, int bucket) => Assert.Equal(bucket, ArabRegionMap.BucketOf(count));

    [Fact]
    public void The_map_has_a_shape_for_each_of_the_22_Arab_states()
    {
        var map = ArabRegionMap.Of([("LB", 3)]);
        Assert.Equal(22, map.Countries.Count);
        Assert.All(map.Countries, c => Assert.StartsWith("M", c.Path, StringComparison.Ordinal));
        Assert.Equal(("LB", 3, 2), (map.Countries[0].Code, map.Countries[0].Count, map.Countries[0].Bucket));
    }
}
