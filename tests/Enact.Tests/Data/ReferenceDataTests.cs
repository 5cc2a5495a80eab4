using Enact.Core.Demo;
using Enact.Core.Reference;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Enact.Tests.Data;

public sealed class ReferenceDataTests
{
    private static readonly string[] ArabStates =
        ["AE", "BH", "DJ", "DZ", "EG", "IQ", "JO", "KM", "KW", "LB", "LY", "MA", "MR", "OM", "PS", "QA", "SA", "SD", "SO", "SY", "TN", "YE"];

    [Fact]
    public void The_22_arab_states_have_codes_and_names_in_both_languages_and_comoros_is_not_an_escwa_member()
    {
        Assert.Equal(ArabStates, ReferenceData.Countries.Select(c => c.Code).Order(StringComparer.Ordinal));
        Assert.All(ReferenceData.Countries, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.NameAr));
            Assert.False(string.IsNullOrWhiteSpace(c.NameEn));
            Assert.Contains(c.NameAr, ch => ch is >= '\u0600' and <= '\u06FF');
        });
        Assert.Equal(["KM"], ReferenceData.Countries.Where(c => !c.IsEscwaMember).Select(c => c.Code));
    }

    [Theory]
    [InlineData(Taxonomies.Technology, "artificial-intelligence,big-data,geospatial,immersive,blockchain,cloud,broadband,data-centres,internet-of-things,mobile,digital-identity,open-data,robotic-process-automation,other")]
    [InlineData(Taxonomies.Dimension, "responsiveness,inclusiveness,trust,effectiveness")]
    [InlineData(Taxonomies.Sector, "general-public-services,public-order-and-safety,economic-affairs,environment,housing-and-community,health,culture,education,social-protection,transport,agriculture,energy,water,justice,finance,labour")]
    [InlineData(Taxonomies.Beneficiary, "women,youth,persons-with-disabilities,older-persons,rural-communities,refugees-and-displaced,businesses,public-servants,general-public")]
    public void Taxonomies_have_the_agreed_stable_codes_with_both_labels(string taxonomy, string codes)
    {
        var terms = ReferenceData.Terms.Where(t => t.Taxonomy == taxonomy).ToList();
        Assert.Equal(codes.Split(','), terms.Select(t => t.Code));
        Assert.All(terms, t => Assert.False(string.IsNullOrWhiteSpace(t.LabelAr) || string.IsNullOrWhiteSpace(t.LabelEn)));
    }

    [Fact]
    public void Sdg_targets_are_every_target_of_goals_16_and_17()
    {
        var expected = Enumerable.Range(1, 10).Select(i => $"16.{i}").Concat(["16.a", "16.b"])
            .Concat(Enumerable.Range(1, 19).Select(i => $"17.{i}"));
        var codes = ReferenceData.Terms.Where(t => t.Taxonomy == Taxonomies.SdgTarget).Select(t => t.Code);
        Assert.Equal(expected, codes);
    }

    [Fact]
    public async Task Seeding_again_keeps_an_edited_escwa_flag_and_adds_nothing_twice()
    {
        await using var app = await EnactFactory.StartAsync();
        await app.WithDbAsync(async db =>
        {
            var lb = await db.Countries.SingleAsync(c => c.Code == "LB");
            lb.IsEscwaMember = false;
            await db.SaveChangesAsync();
            return 0;
        });
        var (added, flag, total) = await app.WithDbAsync(async db =>
            (await ReferenceDataSeeder.SeedAsync(db), (await db.Countries.SingleAsync(c => c.Code == "LB")).IsEscwaMember, await db.TaxonomyTerms.CountAsync()));
        Assert.Equal(0, added);
        Assert.False(flag);
        Assert.Equal(ReferenceData.Terms.Count, total);
    }

    [Theory]
    [InlineData(true, 5)]
    [InlineData(false, 0)]
    public async Task Demo_content_loads_only_when_enabled(bool demo, int expectedAccounts)
    {
        await using var app = await EnactFactory.StartAsync(demoContent: demo);
        var count = await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email!.EndsWith("@" + DemoContentSeeder.DemoDomain)));
        Assert.Equal(expectedAccounts, count);
        var countries = await app.WithDbAsync(db => db.Countries.CountAsync());
        Assert.Equal(22, countries);
    }
}
