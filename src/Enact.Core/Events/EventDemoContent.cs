using Enact.Core.Audit;
using Enact.Core.Data;
using Enact.Core.Files;
using Microsoft.EntityFrameworkCore;

namespace Enact.Core.Events;

/// <summary>
/// Demo events: the web discussion that launched ENACT on 20 March 2023, exactly as its public page gives it (Arabic
/// verbatim; English written by the team), and one upcoming workshop, so a first run shows both lists.
/// </summary>
public static class EventDemoContent
{
    public const string LaunchSlug = "enact-launch-2023";
    public const string WorkshopSlug = "trust-digital-services-workshop";

    public static readonly IReadOnlyList<string> LaunchOutcomeAr =
    [
        "رحبت الدول الأعضاء المشاركة في الاجتماع بمشروع الإسكوا حول \"تسريع استخدام التكنولوجيا والابتكار لتعزيز العمليات في المؤسسات العامة العربية\" نظراً لأهميته لتطوير الحكومة الرقمية في المنطقة العربية، وعبر ممثلو الدول عن استعدادهم للتعاون مع الإسكوا في إطار هذا المشروع.",
        "أوضح عدد من الخبراء الممثلين لمنظمات إقليمية وعربية عن أهمية المشروع المقدم، كما أعربوا عن استعدادهم للتعاون مع الإسكوا في تنفيذ أنشطة محددة من أنشطة المشروع مثل ورشة العمل حول \"تدابير عملية لتحسين الثقة في الخدمات العامة الرقمية في المنطقة العربية\" و تجميع ممارسات جيدة حول استخدام التكنولوجيا في المؤسسات العامة.",
        "أشار بعض الخبراء إلى أهمية التمويل والاستدامة في مشاريع الرقمنة وخاصة في الدول متوسطة أو منخفضة الدخل في المنطقة العربية، وأشاروا إلى أهمية التأكيد على هذه الأبعاد ضمن دراسات الإسكوا المقرر إعدادها ضمن المشروع.",
        "بين بعض الخبراء أيضاً ضرورة التوعية حول ثقافة الرقمنة وإدارة التغيير خاصة لأن عمليات الرقمنة وتقديم الخدمات الرقمية تتطلب تغييرات جوهرية في الهياكل المؤسسية وفي العمليات الداخلية. كما أشاروا إلى أهمية بناء القدرات في المؤسسات العامة خاصة فيما يتعلق باستثمار التكنولوجيات الناشئة وتطبيقاتها في المؤسسات العامة.",
        "أشار بعض المشاركين إلى أهمية الشفافية والمحاسبة وكذلك الوصول إلى المعلومات وذلك بالإضافة إلى الأبعاد الأساسية التي سيركز عليها المشروع. وقد أيد فريق الإسكوا أهمية الأبعاد المذكورة من أجل تحقيق أهداف التنمية المستدامة وبخاصة الهدف 16.   وبين أن هذه الأبعاد قد عملت الإسكوا عليها خلال مبادرتها حول الحكومة المفتوحة، وهي جزء من تتبع ورصد التقدم المحرز في الحكومة المفتوحة في المنطقة العربية.",
        "استوضح بعض المشاركين عن دور القطاع الخاص، وبين فريق العمل أنه يمكن لشركات القطاع الخاص الاستشارية التعاون مع الإسكوا من أجل تنفيذ أنشطة المشروع، أما القطاع الخاص المحلي فله دور هام في التعاون مع الحكومات من أجل تحسين وتطور رقمنة العمليات في مؤسسات القطاع العام وكذلك رقمنة الخدمات المقدمة لجميع أصحاب المصلحة.",
        "استوضح المشاركون عن كيفية توجيه المشروع من أجل إدماج المرأة والشباب، وبين فريق العمل أن المشروع يتضمن بعداً خاصاً بالشمول، وهي تعني شمول جميع الأفراد بما في ذلك الفئات المهمشة ومنها النساء والشباب وذوي الاحتياجات الخاصة. وسيحرص المشروع على بيان أهمية المشاركة والتعاون بين الحكومة وكافة الفئات الاجتماعية. بالإضافة إلى ذلك، يمكن أن يكون للشباب دور مشابه لدور القطاع الخاص وذلك عبر تشجيع رواد الأعمال الشباب على الإسهام في تقدم خدمات تفيد المجتمع وبحيث يجري تنفيذها بالتعاون مع القطاع العام.",
        "بين فريق العمل أن الإسكوا ستباشر الإعداد للدراسات الخاصة بالمشروع قريباً، كما سترسل الإسكوا نماذج واستمارات إلى الدول الأعضاء من أجل تجميع ممارسات جيدة حول استخدام التكنولوجيا الرقمية والناشئة في القطاع العام. كما بين الفريق أنه سيتواصل مع المنظمات الإقليمية والدولية والتي أبدت رغبة بالتعاون مع الإسكوا من أجل التنسيق لتنفيذ هذه الأنشطة.",
    ];

    public static readonly IReadOnlyList<string> LaunchOutcomeEn =
    [
        "The member States taking part in the meeting welcomed ESCWA's project on \"Accelerating the use of technology and innovation to enhance operations in Arab public institutions\" for its importance to the development of digital government in the Arab region, and the representatives of the States expressed their readiness to cooperate with ESCWA within this project.",
        "Several experts representing regional and Arab organisations spoke of the importance of the project presented, and expressed their readiness to cooperate with ESCWA in carrying out specific activities of the project, such as the workshop on \"practical measures to improve trust in digital public services in the Arab region\" and the collection of good practices on the use of technology in public institutions.",
        "Some experts pointed to the importance of funding and sustainability in digitization projects, especially in middle- and low-income countries of the Arab region, and stressed that these dimensions should be emphasised in the ESCWA studies to be prepared within the project.",
        "Some experts also explained the need to raise awareness of the culture of digitization and of change management, especially because digitization and the delivery of digital services require fundamental changes in institutional structures and internal processes. They also pointed to the importance of capacity-building in public institutions, in particular for making use of emerging technologies and their applications in public institutions.",
        "Some participants pointed to the importance of transparency and accountability, and of access to information, in addition to the core dimensions on which the project will focus. The ESCWA team agreed on the importance of these dimensions for achieving the Sustainable Development Goals, in particular Goal 16, and explained that ESCWA has worked on them in its open government initiative, where they are part of tracking and monitoring the progress made in open government in the Arab region.",
        "Some participants asked about the role of the private sector. The team explained that private consulting firms can cooperate with ESCWA to carry out the project's activities, while the local private sector has an important role in cooperating with governments to improve and develop the digitization of processes in public-sector institutions and of the services provided to all stakeholders.",
        "Participants asked how the project would be steered to include women and young people. The team explained that the project has a dimension dedicated to inclusiveness, meaning the inclusion of all individuals, including marginalised groups such as women, young people and persons with disabilities. The project will take care to show the importance of participation and cooperation between government and all social groups. In addition, young people can play a role similar to that of the private sector, by encouraging young entrepreneurs to contribute to the development of services that benefit society, carried out in cooperation with the public sector.",
        "The team explained that ESCWA will soon begin preparing the studies of the project, and will send templates and forms to the member States to collect good practices on the use of digital and emerging technologies in the public sector. The team also said that it will contact the regional and international organisations that expressed their wish to cooperate with ESCWA, to coordinate the implementation of these activities.",
    ];

    public const string LaunchSummaryAr = "نظمت الإسكوا ندوة عبر الإنترنت لإطلاق مشروع ENACT حول \"تسريع استخدام التكنولوجيا والابتكار لتعزيز العمليات في المؤسسات العامة العربية\".\n\nتضمنت الندوة تقديم مشروع ENACT وتعرّيف أهدافه وأنشطته، ومنهجية العمل المتّبعة لتنفيذه على ضوء أولويات الدول الأعضاء.  كما تضمنت موجز حول استخدام التكنولوجيات الناشئة لتعزيز العمليات والخدمات في القطاع العام، ودعوة لتقديم الممارسات المثلى التي يمكن إدراجها شمن دراسات الحالة الناجحة في استخدام التكنولوجيا بصورة مبتكرة في القطاع العام ومن خلال بوابة الحكومة المفتوحة والابتكار في المنطقة العربية.\n\nشارك في الندوة جهات معنية مختلفة، من موظفين عموميين وخبراء من المنظمات الدولية والإقليمية والمنظمات غير الحكومية والأوساط الأكاديمية، متخصصين في مجالات تكنولوجيا المعلومات والاتصالات والحكومة الرقمية والتنمية الإدارية.";

    public const string LaunchSummaryEn = "ESCWA organised a webinar to launch the ENACT project on \"Accelerating the use of technology and innovation to enhance operations in Arab public institutions\".\n\nThe webinar presented the ENACT project, its objectives and activities, and the working methodology followed to implement it in the light of the priorities of the member States. It also included a brief on the use of emerging technologies to enhance operations and services in the public sector, and a call to submit good practices that can be included among the successful case studies of the innovative use of technology in the public sector, and through the Open Government and Innovation Portal for the Arab Region.\n\nVarious stakeholders took part in the webinar: public servants and experts from international and regional organisations, non-governmental organisations and academia, specialised in information and communication technology, digital government and administrative development.";

    /// <summary>The four summaries under the outcome document: two presentations, the discussion, the call for case studies.</summary>
    public static readonly IReadOnlyList<string> LaunchPresentationsAr =
    [
        "تضمن العرض ملاحظات عامة حول وضع التكنولوجيا في المؤسسات العامة العربية والتحديات الرئيسية التي تواجهها، خاصة في البلدان ذات الدخل المتوسط والمنخفض. كما شمل العرض وصفاً للأهداف الرئيسية للمشروع والخاصة بتسريع استخدام التكنولوجيا والابتكار في المؤسسات العامة العربية والمساهمة بتسريع تحقيق أهداف التنمية المستدامة في المنطقة العربية: وخاصة الهدفان 16 و 17. وبين  العرض أن المشروع سيركز على أربعة أبعاد هامة  وهي: الاستجابة والشمولية والثقة والفعالية، كما عرض أنشطة المشروع والدور المحتمل للدول الأعضاء والمنظمات الإقليمية والدولية.",
        "غطى العرض كيفية استخدام التكنولوجيات الناشئة لتحسين عمليات وخدمات القطاع العام.  كان التركيز على  نظم الاتصال الممكنة التي تشمل انتشار واسع لاتصال المستخدمين والبنية التحتية، مثل شبكة النطاق العريض ومراكز البيانات والحوسبة السحابية، ومن ثم تم استعراض التكنولوجيات الناشئة وأثرها المحتمل:\n\n- يمكن استخدام البيانات الضخمة لتحليل كميات هائلة من المعلومات لتحديد الأنماط والتوقعات.\n- يمكن استخدام الذكاء الاصطناعي لأتمتة العمليات وتحسين عملية صنع القرار.\n- يمكن استخدام التكنولوجيات الجغرافية المكانية لتعيين البيانات الجغرافية وتحليلها.\n- يمكن استخدام التكنولوجيات الغامرة، مثل الواقع المعزز والواقع الافتراضي لتحسين التدريب والتّصوّر.\n- يمكن استخدام تقنية سلسلة الكتل لتحسين أمن البيانات والمساءلة.",
        "استفسر المشاركون عن الخطوات اللازمة للتعاون مع الإسكوا لتنفيذ المشروع، وأعربوا عن اهتمامهم بتقديم أفضل الممارسات والمبادرات الناجحة لاعتمادها.  كما وأشاروا إلى دور القطاع الخاص وما له من أهمية في عملية  الاستدامة  وإدارة التغيير الفعال في الدول العربية.  وتم التركيز أيضاً  على التحدي المتمثل في الوصول إلى الإنترنت والقدرة على تحمل تكاليفه في بعض الدول، وتطرق البعض إلى موضوع بناء القدرات، بما في ذلك المهارات وإعادة الصقل، باعتباره أمرًا بالغ الأهمية وأساس للتبني الناجح للتقنيات الناشئة من قبل الحكومات العربية.  بالإضافة إلى ذلك، أعربت بعض المنظمات عن اهتمامها بالمساهمة في أنشطة خاصة مثل ورش العمل  التي تتمحور حول بناء الثقة.",
        "وتضمن العرض دعوة الدول الأعضاء لتقديم دراسات الحالة الناجحة في استخدام التكنولوجيا بصورة مبتكرة في القطاع العام.  وأوضح الحاجة إلى دراسات الحالة من أجل استخدامها لإثراء الدراسات المخطط لها في إطار مشروع ENACT ولنشرها من خلال بوابة الحكومة المفتوحة والابتكار في المنطقة العربية.  وتم تسليط الضوء على نموذج تقديم دراسات الحالة، بما في ذلك مواعيد التقديم في 2023. وركز العرض أيضًا على البوابة وقسم دراسات الحالة، واختتم بملخص حول التحسينات المقترحة لعام 2023.",
    ];

    public static readonly IReadOnlyList<string> LaunchPresentationsEn =
    [
        "The presentation made general observations on the state of technology in Arab public institutions and the main challenges they face, especially in middle- and low-income countries. It also described the main objectives of the project: accelerating the use of technology and innovation in Arab public institutions, and contributing to faster progress towards the Sustainable Development Goals in the Arab region, in particular Goals 16 and 17. The presentation explained that the project will focus on four important dimensions: responsiveness, inclusiveness, trust and effectiveness, and it set out the project's activities and the possible role of the member States and of regional and international organisations.",
        "The presentation covered how emerging technologies can be used to improve public-sector operations and services. The focus was on enabling connectivity, including widespread user connectivity and infrastructure such as broadband networks, data centres and cloud computing; then emerging technologies and their possible impact were reviewed:\n\n- Big data can be used to analyse huge amounts of information to identify patterns and make predictions.\n- Artificial intelligence can be used to automate processes and improve decision-making.\n- Geospatial technologies can be used to map and analyse geographic data.\n- Immersive technologies, such as augmented reality and virtual reality, can be used to improve training and visualisation.\n- Blockchain technology can be used to improve data security and accountability.",
        "Participants asked about the steps needed to cooperate with ESCWA in implementing the project, and expressed their interest in submitting best practices and successful initiatives for adoption. They also pointed to the role of the private sector and its importance for sustainability and effective change management in the Arab countries. Emphasis was also placed on the challenge of internet access and its affordability in some countries, and some raised the subject of capacity-building, including skills and reskilling, as crucial and as the foundation for the successful adoption of emerging technologies by Arab governments. In addition, some organisations expressed interest in contributing to specific activities, such as the workshops centred on building trust.",
        "The presentation included a call to the member States to submit successful case studies of the innovative use of technology in the public sector. It explained that the case studies are needed to enrich the studies planned under the ENACT project and to be published through the Open Government and Innovation Portal for the Arab Region. It highlighted the case-study submission form, including the submission dates in 2023. The presentation also focused on the portal and its case-studies section, and concluded with a summary of the improvements proposed for 2023.",
    ];

    /// <summary>A small placeholder picture for the demo (PNG), standing for the photo of the session's platform.</summary>
    private const string DemoImagePng = "iVBORw0KGgoAAAANSUhEUgAAACAAAAASCAIAAAC1qksFAAAEMklEQVR42g3Nsea1YADA4e8iGhoaGhoaGhoaGhoakuKlHMVLREREP3E4RERERBwiIuJ/o995buD5p4QoMYpASVBeKDmKRClQSpQKpUZpUFqUDqVHeaN8UAaUEWVCmVEWlBVlQ9lRvigHyolyodwoD8of/9QQNUYVqAnqCzVHlagFaolaodaoDWqL2qH2qG/UD+qAOqJOqDPqgrqibqg76hf1QD1RL9Qb9UH9BVqIFqMJtATthZajSbQCrUSr0Gq0Bq1F69B6tDfaB21AG9EmtBltQVvRNrQd7Yt2oJ1oF9qN9qD9Aj1Ej9EFeoL+Qs/RJXqBXqJX6DV6g96id+g9+hv9gz6gj+gT+oy+oK/oG/qO/kU/0E/0C/1Gf9B/gRFixBgCI8F4YeQYEqPAKDEqjBqjwWgxOowe443xwRgwRowJY8ZYMFaMDWPH+GIcGCfGhXFjPBi/wAwxY0yBmWC+MHNMiVlglpgVZo3ZYLaYHWaP+cb8YA6YI+aEOWMumCvmhrljfjEPzBPzwrwxH8xfYIVYMZbASrBeWDmWxCqwSqwKq8ZqsFqsDqvHemN9sAasEWvCmrEWrBVrw9qxvlgH1ol1Yd1YD9YvsEPsGFtgJ9gv7BxbYhfYJXaFXWM32C12h91jv7E/2AP2iD1hz9gL9oq9Ye/YX+wD+8S+sG/sB/sXOCFOjCNwEpwXTo4jcQqcEqfCqXEanBanw+lx3jgfnAFnxJlwZpwFZ8XZcHacL86Bc+JcODfOg/ML3BA3xhW4Ce4LN8eVuAVuiVvh1rgNbovb4fa4b9wP7oA74k64M+6Cu+JuuDvuF/fAPXEv3Bv3wf0FXogX4wm8BO+Fl+NJvAKvxKvwarwGr8Xr8Hq8N94Hb8Ab8Sa8GW/BW/E2vB3vi3fgnXgX3o334P0CP8SP8QV+gv/Cz/ElfoFf4lf4NX6D3+J3+D3+G/+DP+CP+BP+jL/gr/gb/o7/xT/wT/wL/8Z/8H9BEBLEBIIgIXgR5ASSoCAoCSqCmqAhaAk6gp7gTfAhGAhGgolgJlgIVoKNYCf4EhwEJ8FFcBM8BL8gColiIkGUEL2IciJJVBCVRBVRTdQQtUQdUU/0JvoQDUQj0UQ0Ey1EK9FGtBN9iQ6ik+giuokeol8gQkSMEIgE8ULkCIkoECWiQtSIBtEiOkSPeCM+iAExIibEjFgQK2JD7Igv4kCciAtxIx7EL0hD0phUkCakL9KcVJIWpCVpRVqTNqQtaUfak75JP6QD6Ug6kc6kC+lKupHupF/Sg/QkvUhv0of0F2QhWUwmyBKyF1lOJskKspKsIqvJGrKWrCPryd5kH7KBbCSbyGayhWwl28h2si/ZQXaSXWQ32UP2C2SIjJECmSBfyBwpkQWyRFbIGtkgW2SH7JFv5Ac5IEfkhJyRC3JFbsgd+UUeyBN5IW/kg/zjP7Stdz9BOzWWAAAAAElFTkSuQmCC";

    public static async Task<int> SeedAsync(EnactDbContext db, TimeProvider clock, CancellationToken ct = default)
    {
        if (await db.Events.AnyAsync(e => e.Slug == LaunchSlug, ct))
        {
            return 0;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var image = Convert.FromBase64String(DemoImagePng);
        var file = new StoredFile
        {
            Id = Guid.NewGuid(),
            ContentType = "image/png",
            Length = image.Length,
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(image)),
            CreatedAt = now,
            Content = image,
        };
        db.StoredFiles.Add(file);
        var launch = new PortalEvent
        {
            Slug = LaunchSlug,
            Kind = EventKinds.WebDiscussion,
            Format = EventFormats.Hybrid,
            TitleAr = "مشروع ENACT ينطلق",
            TitleEn = "The ENACT project is launched",
            SummaryAr = LaunchSummaryAr,
            SummaryEn = LaunchSummaryEn,
            PlatformName = "Zoom",
            VenueAr = "منصة زووم وبيت الأمم المتحدة",
            VenueEn = "Zoom and UN House, Beirut",
            TimeZone = "Asia/Beirut",
            StartsAt = EventTimeZones.ToUtc(new DateTime(2023, 3, 20, 10, 0, 0, DateTimeKind.Unspecified), "Asia/Beirut"),
            EndsAt = EventTimeZones.ToUtc(new DateTime(2023, 3, 20, 13, 0, 0, DateTimeKind.Unspecified), "Asia/Beirut"),
            ContactNameAr = "د. نبال ادلبي",
            ContactNameEn = "Dr. Nibal Idlebi",
            ContactTitleAr = "رئيسة قسم الابتكار",
            ContactTitleEn = "Chief of the Innovation Section",
            ImageFileId = file.Id,
            ImageAltAr = "صورة من منصة الجلسة",
            ImageAltEn = "A picture of the session's platform",
            Published = true,
            CreatedAt = now,
            UpdatedAt = now,
        };
        for (var i = 0; i < LaunchOutcomeAr.Count; i++)
        {
            launch.OutcomePoints.Add(new EventOutcomePoint { Position = i + 1, TextAr = LaunchOutcomeAr[i], TextEn = LaunchOutcomeEn[i] });
        }
        for (var i = 0; i < LaunchPresentationsAr.Count; i++)
        {
            launch.Presentations.Add(new EventPresentation { Position = i + 1, SummaryAr = LaunchPresentationsAr[i], SummaryEn = LaunchPresentationsEn[i] });
        }
        db.Events.Add(launch);

        var day = EventTimeZones.ToLocal(now, "Asia/Beirut").Date.AddDays(30);
        db.Events.Add(new PortalEvent
        {
            Slug = WorkshopSlug,
            Kind = EventKinds.Workshop,
            Format = EventFormats.Hybrid,
            TitleAr = "تدابير عملية لتحسين الثقة في الخدمات العامة الرقمية في المنطقة العربية",
            TitleEn = "Practical measures to improve trust in digital public services in the Arab region",
            SummaryAr = "ورشة عمل إقليمية ضمن مشروع ENACT تجمع ممثلي الحكومات والمنظمات الإقليمية والدولية لتبادل التدابير العملية التي تعزز ثقة الناس في الخدمات العامة الرقمية.",
            SummaryEn = "A regional workshop of the ENACT project bringing together governments and regional and international organisations to share practical measures that strengthen people's trust in digital public services.",
            AgendaAr = "- الجلسة الافتتاحية\n- الثقة في الخدمات الرقمية: المفاهيم والمؤشرات\n- تجارب من الدول الأعضاء\n- نقاش وتوصيات",
            AgendaEn = "- Opening session\n- Trust in digital services: concepts and indicators\n- Experiences of member States\n- Discussion and recommendations",
            PlatformName = "Zoom",
            OnlineLink = "https://zoom.example/j/enact-trust-workshop",
            VenueAr = "منصة زووم وبيت الأمم المتحدة، بيروت",
            VenueEn = "Zoom and UN House, Beirut",
            TimeZone = "Asia/Beirut",
            StartsAt = EventTimeZones.ToUtc(day.AddHours(10), "Asia/Beirut"),
            EndsAt = EventTimeZones.ToUtc(day.AddHours(14), "Asia/Beirut"),
            ContactNameAr = "د. نبال ادلبي",
            ContactNameEn = "Dr. Nibal Idlebi",
            ContactTitleAr = "رئيسة قسم الابتكار",
            ContactTitleEn = "Chief of the Innovation Section",
            RegistrationOpensAt = now.AddDays(-1),
            RegistrationClosesAt = EventTimeZones.ToUtc(day.AddHours(9), "Asia/Beirut"),
            Capacity = 60,
            Published = true,
            CreatedAt = now,
            UpdatedAt = now,
        });
        new AuditTrail(db, clock).Record(AuditActor.System, "event.demo-created", "event", LaunchSlug);
        await db.SaveChangesAsync(ct);
        return 2;
    }
}
