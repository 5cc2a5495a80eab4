using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Bogus;
using Enact.Core.CaseStudies;
using Enact.Core.Reference;
using Ganss.Xss;

// Writes N bilingual case studies in the interchange format, valid for `import case-studies FILE.json`.
// Usage: dotnet run --project bench/Enact.Bench.Generator -c Release -- --count N --out FILE.json [--seed 42]

var count = 10_000;
var output = "case-studies.json";
var seed = 42;
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
    switch (args[i])
    {
        case "--count": count = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
        case "--out": output = value; i++; break;
        case "--seed": seed = int.Parse(value, CultureInfo.InvariantCulture); i++; break;
        default: throw new ArgumentException($"unknown argument {args[i]}; expected --count N --out FILE.json --seed S");
    }
}
if (count is < 1 or > 10_000_000)
{
    throw new ArgumentOutOfRangeException(nameof(args), "--count must be between 1 and 10,000,000");
}

Randomizer.Seed = new Random(seed);
var ar = new Faker("ar");
var en = new Faker("en");
var pick = new Faker("en");

string[] countries = [.. ReferenceData.Countries.Select(c => c.Code)];
string[] TermsOf(string taxonomy) => [.. ReferenceData.Terms.Where(t => t.Taxonomy == taxonomy).Select(t => t.Code)];
var technologies = TermsOf(Taxonomies.Technology);
var dimensions = TermsOf(Taxonomies.Dimension);
var sdgTargets = TermsOf(Taxonomies.SdgTarget);
var sectors = TermsOf(Taxonomies.Sector);
var beneficiaries = TermsOf(Taxonomies.Beneficiary);
var vocabulary = new InterchangeVocabulary(
    countries.ToHashSet(StringComparer.Ordinal),
    ReferenceData.Terms.Select(t => (t.Taxonomy, t.Code)).ToHashSet(),
    DateTime.UtcNow.Year);
var sanitizer = new HtmlSanitizer();

// Known phrases injected into a fraction of documents so that the benchmark queries find something. The benchmark
// asks for "والحكومات الرقمية" (conjunction + plural): the Arabic analyzer must match "الحكومة الرقمية".
string[] arabicPhrases = ["الحكومة الرقمية", "حكومة رقمية", "التحول الرقمي للحكومة", "الحكومات الرقمية"];
string[] englishPhrases = ["digital government", "digital governments", "e-government services"];
const double PhraseShare = 0.25;

// Arabic: the "ar" locale's lorem (Arabic words). English: the "en" locale's lorem is Latin, so English sentences come
// from its hacker and company phrases, which read as English.
bool IsEnglish(Faker f) => ReferenceEquals(f, en);
string Sentence(Faker f) => IsEnglish(f)
    ? (f.Random.Bool() ? f.Hacker.Phrase() : f.Company.CatchPhrase() + " to " + f.Hacker.Verb() + " the " + f.Hacker.Adjective() + " " + f.Hacker.Noun() + ".")
    : f.Lorem.Sentence(f.Random.Int(6, 14));
string Words(Faker f, int min, int max)
{
    var n = f.Random.Int(min, max);
    if (!IsEnglish(f))
    {
        return string.Join(' ', f.Lorem.Words(n));
    }
    var words = new List<string>();
    while (words.Count < n)
    {
        words.AddRange(f.Company.CatchPhrase().Split(' '));
    }
    return string.Join(' ', words.Take(n));
}
string Sentences(Faker f, int min, int max) => string.Join(' ', Enumerable.Range(0, f.Random.Int(min, max)).Select(_ => Sentence(f)));
string Paragraphs(Faker f, int min, int max) => string.Join("\n\n", Enumerable.Range(0, f.Random.Int(min, max)).Select(_ => Sentences(f, 3, 6)));
string Inject(Faker f, string text, string phrase)
{
    // Put the phrase at a word boundary, somewhere in the text.
    var words = text.Split(' ');
    var at = f.Random.Int(0, words.Length - 1);
    words[at] = phrase + " " + words[at];
    return string.Join(' ', words);
}

var stopwatch = Stopwatch.StartNew();
var invalid = 0;
var withArabicPhrase = 0;
var directory = Path.GetDirectoryName(Path.GetFullPath(output));
if (directory is not null)
{
    Directory.CreateDirectory(directory);
}
await using (var stream = File.Create(output))
await using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = InterchangeJson.Options.Encoder, Indented = false }))
{
    writer.WriteStartArray();
    for (var n = 1; n <= count; n++)
    {
        // ~20% Arabic only, ~20% English only, the rest both.
        var roll = pick.Random.Double();
        var hasAr = roll >= 0.2;
        var hasEn = roll < 0.2 || roll >= 0.4;
        var country = pick.PickRandom(countries);

        string? Ar(Func<Faker, string> make) => hasAr ? make(ar) : null;
        string? En(Func<Faker, string> make) => hasEn ? make(en) : null;

        var titleAr = Ar(f => Words(f, 6, 12));
        var summaryAr = Ar(f => Sentences(f, 1, 3));
        var descriptionAr = Ar(f => Paragraphs(f, 3, 6));
        if (titleAr is not null && summaryAr is not null && descriptionAr is not null && pick.Random.Double() < PhraseShare)
        {
            var phrase = pick.PickRandom(arabicPhrases);
            withArabicPhrase++;
            switch (pick.Random.Int(0, 2))
            {
                case 0: titleAr = Inject(ar, titleAr, phrase); break;
                case 1: summaryAr = Inject(ar, summaryAr, phrase); break;
                default: descriptionAr = Inject(ar, descriptionAr, phrase); break;
            }
        }
        var titleEn = En(f => Words(f, 6, 12));
        var summaryEn = En(f => Sentences(f, 1, 3));
        if (titleEn is not null && summaryEn is not null && pick.Random.Double() < PhraseShare)
        {
            summaryEn = Inject(en, summaryEn, pick.PickRandom(englishPhrases));
        }

        var record = new CaseStudyRecord
        {
            Id = string.Create(CultureInfo.InvariantCulture, $"bench-{n:000000}"),
            Country = country,
            YearLaunched = pick.Random.Int(2005, 2025),
            LevelOfGovernment = pick.PickRandom(Codes.Levels.ToArray()),
            OrganisationType = pick.PickRandom(Codes.OrganisationTypes.ToArray()),
            OriginalLanguage = hasAr && (!hasEn || pick.Random.Bool(0.7f)) ? "ar" : "en",
            Organisation = LocalizedText.Of(Ar(f => f.PickRandom("وزارة", "هيئة", "بلدية", "مؤسسة", "مركز") + " " + f.Address.City()), En(f => f.Company.CompanyName())),
            Title = LocalizedText.Of(titleAr, titleEn),
            Summary = LocalizedText.Of(summaryAr, summaryEn),
            Description = LocalizedText.Of(descriptionAr, En(f => Paragraphs(f, 3, 6))),
            Results = LocalizedText.Of(Ar(f => Paragraphs(f, 1, 3)), En(f => Paragraphs(f, 1, 3))),
            LessonsLearned = LocalizedText.Of(Ar(f => Paragraphs(f, 1, 3)), En(f => Paragraphs(f, 1, 3))),
            Technologies = [.. pick.PickRandom(technologies, pick.Random.Int(1, 3))],
            Dimensions = [.. pick.PickRandom(dimensions, pick.Random.Int(1, 2))],
            SdgTargets = [.. pick.PickRandom(sdgTargets, pick.Random.Int(1, 2))],
            Sectors = [.. pick.PickRandom(sectors, pick.Random.Int(1, 2))],
            Beneficiaries = [.. pick.PickRandom(beneficiaries, pick.Random.Int(0, 3))],
            Website = string.Create(CultureInfo.InvariantCulture, $"https://case-{n}.example.{country.ToLowerInvariant()}/"),
            Status = Codes.Published,
        };

        foreach (var reason in InterchangeValidator.Check(record, vocabulary, sanitizer))
        {
            invalid++;
            await Console.Error.WriteLineAsync($"{record.Id}: {reason}");
        }
        JsonSerializer.Serialize(writer, record, InterchangeJson.Options);
        if (n % 10_000 == 0)
        {
            await writer.FlushAsync();
            Console.Error.Write(string.Create(CultureInfo.InvariantCulture, $"\r{n:N0} / {count:N0}"));
        }
    }
    writer.WriteEndArray();
}
Console.Error.WriteLine();
if (invalid > 0)
{
    await Console.Error.WriteLineAsync($"{invalid} validation errors: the file would be refused by the importer.");
    return 1;
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"wrote {count:N0} case studies ({withArabicPhrase:N0} with an injected Arabic phrase) to {output}: {new FileInfo(output).Length / 1024.0 / 1024.0:N1} MiB in {stopwatch.Elapsed.TotalSeconds:N1} s"));
return 0;
