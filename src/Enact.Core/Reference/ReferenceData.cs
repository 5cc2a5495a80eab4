namespace Enact.Core.Reference;

public sealed record CountrySeed(string Code, string NameAr, string NameEn, bool IsEscwaMember);

public sealed record TermSeed(string Taxonomy, string Code, string LabelAr, string LabelEn);

/// <summary>Reference data that every install loads: the 22 Arab states and the taxonomies.</summary>
public static partial class ReferenceData
{
    public static IReadOnlyList<CountrySeed> Countries => CountryList;

    public static IReadOnlyList<TermSeed> Terms => TermList;
}
