namespace Enact.Core.Reference;

public static partial class ReferenceData
{
    // The 22 member states of the League of Arab States, ordered by English name.
    // All are UN-ESCWA members except Comoros.
    private static readonly CountrySeed[] CountryList =
    [
        new("DZ", "الجزائر", "Algeria", true),
        new("BH", "البحرين", "Bahrain", true),
        new("KM", "جزر القمر", "Comoros", false),
        new("DJ", "جيبوتي", "Djibouti", true),
        new("EG", "مصر", "Egypt", true),
        new("IQ", "العراق", "Iraq", true),
        new("JO", "الأردن", "Jordan", true),
        new("KW", "الكويت", "Kuwait", true),
        new("LB", "لبنان", "Lebanon", true),
        new("LY", "ليبيا", "Libya", true),
        new("MR", "موريتانيا", "Mauritania", true),
        new("MA", "المغرب", "Morocco", true),
        new("OM", "عُمان", "Oman", true),
        new("QA", "قطر", "Qatar", true),
        new("SA", "المملكة العربية السعودية", "Saudi Arabia", true),
        new("SO", "الصومال", "Somalia", true),
        new("PS", "دولة فلسطين", "State of Palestine", true),
        new("SD", "السودان", "Sudan", true),
        new("SY", "الجمهورية العربية السورية", "Syrian Arab Republic", true),
        new("TN", "تونس", "Tunisia", true),
        new("AE", "الإمارات العربية المتحدة", "United Arab Emirates", true),
        new("YE", "اليمن", "Yemen", true),
    ];

    private static readonly TermSeed[] TermList =
    [
        // Technologies
        new(Taxonomies.Technology, "artificial-intelligence", "الذكاء الاصطناعي", "Artificial intelligence"),
        new(Taxonomies.Technology, "big-data", "البيانات الضخمة", "Big data"),
        new(Taxonomies.Technology, "geospatial", "التقنيات الجغرافية المكانية", "Geospatial technologies"),
        new(Taxonomies.Technology, "immersive", "التقنيات الغامرة (الواقع المعزز والافتراضي)", "Immersive technologies (AR/VR)"),
        new(Taxonomies.Technology, "blockchain", "سلسلة الكتل (بلوك تشين)", "Blockchain"),
        new(Taxonomies.Technology, "cloud", "الحوسبة السحابية", "Cloud computing"),
        new(Taxonomies.Technology, "broadband", "النطاق العريض", "Broadband"),
        new(Taxonomies.Technology, "data-centres", "مراكز البيانات", "Data centres"),
        new(Taxonomies.Technology, "internet-of-things", "إنترنت الأشياء", "Internet of things"),
        new(Taxonomies.Technology, "mobile", "التقنيات المتنقلة", "Mobile technologies"),
        new(Taxonomies.Technology, "digital-identity", "الهوية الرقمية", "Digital identity"),
        new(Taxonomies.Technology, "open-data", "البيانات المفتوحة", "Open data"),
        new(Taxonomies.Technology, "robotic-process-automation", "الأتمتة الروبوتية للعمليات", "Robotic process automation"),
        new(Taxonomies.Technology, "other", "أخرى", "Other"),

        // Dimensions
        new(Taxonomies.Dimension, "responsiveness", "الاستجابة", "Responsiveness"),
        new(Taxonomies.Dimension, "inclusiveness", "الشمول", "Inclusiveness"),
        new(Taxonomies.Dimension, "trust", "الثقة", "Trust"),
        new(Taxonomies.Dimension, "effectiveness", "الفعالية", "Effectiveness"),

        // SDG 16 targets
        new(Taxonomies.SdgTarget, "16.1", "16.1 الحد من العنف وما يتصل به من وفيات", "16.1 Reduced violence and related deaths"),
        new(Taxonomies.SdgTarget, "16.2", "16.2 حماية الأطفال من الإساءة والاستغلال والاتجار والعنف", "16.2 Protection of children from abuse, exploitation, trafficking and violence"),
        new(Taxonomies.SdgTarget, "16.3", "16.3 سيادة القانون وتكافؤ فرص الوصول إلى العدالة", "16.3 Rule of law and equal access to justice"),
        new(Taxonomies.SdgTarget, "16.4", "16.4 مكافحة التدفقات غير المشروعة للأموال والأسلحة والجريمة المنظمة", "16.4 Combating illicit financial and arms flows and organized crime"),
        new(Taxonomies.SdgTarget, "16.5", "16.5 الحد من الفساد والرشوة", "16.5 Reduced corruption and bribery"),
        new(Taxonomies.SdgTarget, "16.6", "16.6 مؤسسات فعالة وشفافة وخاضعة للمساءلة", "16.6 Effective, accountable and transparent institutions"),
        new(Taxonomies.SdgTarget, "16.7", "16.7 اتخاذ القرارات على نحو مستجيب وشامل وتشاركي وتمثيلي", "16.7 Responsive, inclusive, participatory and representative decision-making"),
        new(Taxonomies.SdgTarget, "16.8", "16.8 مشاركة البلدان النامية في مؤسسات الحوكمة العالمية", "16.8 Participation of developing countries in global governance"),
        new(Taxonomies.SdgTarget, "16.9", "16.9 هوية قانونية للجميع، بما في ذلك تسجيل المواليد", "16.9 Legal identity for all, including birth registration"),
        new(Taxonomies.SdgTarget, "16.10", "16.10 وصول الجمهور إلى المعلومات والحريات الأساسية", "16.10 Public access to information and fundamental freedoms"),
        new(Taxonomies.SdgTarget, "16.a", "16.a مؤسسات وطنية قوية لمنع العنف ومكافحة الإرهاب والجريمة", "16.a Strong national institutions to prevent violence and combat terrorism and crime"),
        new(Taxonomies.SdgTarget, "16.b", "16.b قوانين وسياسات غير تمييزية", "16.b Non-discriminatory laws and policies"),

        // SDG 17 targets
        new(Taxonomies.SdgTarget, "17.1", "17.1 تعبئة الموارد المحلية", "17.1 Domestic resource mobilization"),
        new(Taxonomies.SdgTarget, "17.2", "17.2 الوفاء بالتزامات المساعدة الإنمائية الرسمية", "17.2 Official development assistance commitments"),
        new(Taxonomies.SdgTarget, "17.3", "17.3 موارد مالية إضافية للبلدان النامية", "17.3 Additional financial resources for developing countries"),
        new(Taxonomies.SdgTarget, "17.4", "17.4 القدرة على تحمل الديون في الأجل الطويل", "17.4 Long-term debt sustainability"),
        new(Taxonomies.SdgTarget, "17.5", "17.5 تشجيع الاستثمار في أقل البلدان نموًا", "17.5 Investment promotion for least developed countries"),
        new(Taxonomies.SdgTarget, "17.6", "17.6 تبادل المعارف والتعاون في مجال العلم والتكنولوجيا والابتكار", "17.6 Knowledge sharing and cooperation on science, technology and innovation"),
        new(Taxonomies.SdgTarget, "17.7", "17.7 التكنولوجيات السليمة بيئيًا للبلدان النامية", "17.7 Environmentally sound technologies for developing countries"),
        new(Taxonomies.SdgTarget, "17.8", "17.8 بنك التكنولوجيا وتكنولوجيا المعلومات والاتصالات لأقل البلدان نموًا", "17.8 Technology bank and ICT for least developed countries"),
        new(Taxonomies.SdgTarget, "17.9", "17.9 بناء القدرات في البلدان النامية لتحقيق أهداف التنمية المستدامة", "17.9 Capacity-building in developing countries for the SDGs"),
        new(Taxonomies.SdgTarget, "17.10", "17.10 نظام تجاري متعدد الأطراف عالمي وقائم على القواعد", "17.10 Universal, rules-based multilateral trading system"),
        new(Taxonomies.SdgTarget, "17.11", "17.11 زيادة صادرات البلدان النامية", "17.11 Increased exports of developing countries"),
        new(Taxonomies.SdgTarget, "17.12", "17.12 النفاذ إلى الأسواق دون رسوم جمركية أو حصص لأقل البلدان نموًا", "17.12 Duty-free, quota-free market access for least developed countries"),
        new(Taxonomies.SdgTarget, "17.13", "17.13 استقرار الاقتصاد الكلي على الصعيد العالمي", "17.13 Global macroeconomic stability"),
        new(Taxonomies.SdgTarget, "17.14", "17.14 اتساق السياسات من أجل التنمية المستدامة", "17.14 Policy coherence for sustainable development"),
        new(Taxonomies.SdgTarget, "17.15", "17.15 احترام الحيز السياساتي لكل بلد وقيادته", "17.15 Respect for each country's policy space and leadership"),
        new(Taxonomies.SdgTarget, "17.16", "17.16 الشراكة العالمية من أجل التنمية المستدامة", "17.16 Global partnership for sustainable development"),
        new(Taxonomies.SdgTarget, "17.17", "17.17 الشراكات الفعالة العامة وبين القطاعين العام والخاص ومع المجتمع المدني", "17.17 Effective public, public-private and civil society partnerships"),
        new(Taxonomies.SdgTarget, "17.18", "17.18 القدرات الإحصائية وتوافر بيانات موثوقة", "17.18 Statistical capacity and availability of reliable data"),
        new(Taxonomies.SdgTarget, "17.19", "17.19 مقاييس التقدم وبناء القدرات الإحصائية", "17.19 Measures of progress and statistical capacity-building"),

        // Sectors
        new(Taxonomies.Sector, "general-public-services", "الخدمات العامة", "General public services"),
        new(Taxonomies.Sector, "public-order-and-safety", "النظام العام والسلامة", "Public order and safety"),
        new(Taxonomies.Sector, "economic-affairs", "الشؤون الاقتصادية", "Economic affairs"),
        new(Taxonomies.Sector, "environment", "البيئة", "Environment"),
        new(Taxonomies.Sector, "housing-and-community", "الإسكان والمرافق المجتمعية", "Housing and community amenities"),
        new(Taxonomies.Sector, "health", "الصحة", "Health"),
        new(Taxonomies.Sector, "culture", "الثقافة", "Culture"),
        new(Taxonomies.Sector, "education", "التعليم", "Education"),
        new(Taxonomies.Sector, "social-protection", "الحماية الاجتماعية", "Social protection"),
        new(Taxonomies.Sector, "transport", "النقل", "Transport"),
        new(Taxonomies.Sector, "agriculture", "الزراعة", "Agriculture"),
        new(Taxonomies.Sector, "energy", "الطاقة", "Energy"),
        new(Taxonomies.Sector, "water", "المياه", "Water"),
        new(Taxonomies.Sector, "justice", "العدل", "Justice"),
        new(Taxonomies.Sector, "finance", "المالية", "Finance"),
        new(Taxonomies.Sector, "labour", "العمل والتوظيف", "Labour and employment"),

        // Beneficiaries
        new(Taxonomies.Beneficiary, "women", "النساء", "Women"),
        new(Taxonomies.Beneficiary, "youth", "الشباب", "Youth"),
        new(Taxonomies.Beneficiary, "persons-with-disabilities", "الأشخاص ذوو الإعاقة", "Persons with disabilities"),
        new(Taxonomies.Beneficiary, "older-persons", "كبار السن", "Older persons"),
        new(Taxonomies.Beneficiary, "rural-communities", "المجتمعات الريفية", "Rural communities"),
        new(Taxonomies.Beneficiary, "refugees-and-displaced", "اللاجئون والنازحون", "Refugees and displaced persons"),
        new(Taxonomies.Beneficiary, "businesses", "مؤسسات الأعمال", "Businesses"),
        new(Taxonomies.Beneficiary, "public-servants", "الموظفون العموميون", "Public servants"),
        new(Taxonomies.Beneficiary, "general-public", "عامة الجمهور", "General public"),
    ];
}
