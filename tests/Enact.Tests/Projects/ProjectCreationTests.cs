using System.Net;
using Enact.Core.Accounts;
using Enact.Core.Projects;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Projects.ProjectAdminSteps;

namespace Enact.Tests.Projects;

/// <summary>Editors create projects from the list of projects: a unique, well-formed code, both names, dimensions and goals.</summary>
public sealed class ProjectCreationTests
{
    [Fact]
    public async Task An_editor_creates_a_project_that_the_list_and_its_page_show()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        using var editor = app.CreateTestClient("ar");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var dimensions = await DimensionIdsAsync(app, "inclusiveness", "trust");

        // Staff reach the form from the list of projects, which the ENACT page links to.
        var enact = await editor.GetPageAsync("/ar/enact");
        Assert.NotNull(enact.QuerySelector("main a[href='/ar/projects']"));
        Assert.NotNull(enact.QuerySelector("nav.staff-links a[href='/ar/projects/new']"));
        var list = await editor.GetPageAsync("/ar/projects");
        Assert.NotNull(list.QuerySelector("main a[href='/ar/projects/new']"));

        var form = ProjectForm(" Open-Data-2025 ");
        form.AddRange(TestClient.Many(
            ("Input.DimensionIds", Id(dimensions[0])), ("Input.DimensionIds", Id(dimensions[1])),
            ("Input.Sdgs", "16"), ("Input.Sdgs", "9")));
        using var created = await editor.SubmitFormAsync("/ar/projects/new", form);
        await ExpectRedirectAsync(created);
        // The code is stored trimmed and in lower case, and is the page's address.
        Assert.Equal("/ar/projects/open-data-2025?status=created", created.Headers.Location!.OriginalString);

        var page = await editor.GetPageAsync(created.Headers.Location!.OriginalString);
        Assert.Equal("البيانات الحكومية المفتوحة", page.QuerySelector("main h1")!.TextContent);
        Assert.Equal("تعزيز نشر البيانات الحكومية المفتوحة وإعادة استخدامها في المنطقة العربية", page.QuerySelector("main .lead")!.TextContent);
        Assert.NotNull(page.QuerySelector("main .notice.success"));
        Assert.Equal(["الشمول", "الثقة"], page.QuerySelectorAll(".dimensions dt").Select(d => d.TextContent.Trim()));
        Assert.Equal(["الهدف 9: الصناعة والابتكار والهياكل الأساسية", "الهدف 16: السلام والعدل والمؤسسات القوية"],
            page.QuerySelectorAll("#sdgs-heading + ul li").Select(li => li.TextContent.Trim()));
        Assert.NotNull(page.QuerySelector("nav.staff-links a[href='/ar/projects/open-data-2025/activities/new']"));

        var project = await app.WithDbAsync(db => db.Projects.Include(p => p.Dimensions).SingleAsync(p => p.Code == "open-data-2025"));
        Assert.Equal("9,16", project.Sdgs);
        Assert.Equal(dimensions, project.Dimensions.Select(d => d.TermId).Order());
        Assert.Equal("- Publish **open data**", project.ObjectivesEn);
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "project.created"));
        Assert.Equal("open-data-2025", audit.EntityId);

        // Everyone reads the list: each project's name linking to its page, its full title and its number of activities.
        using var reader = app.CreateTestClient("en");
        var projects = await reader.GetPageAsync("/en/projects");
        var items = projects.QuerySelectorAll(".projects > li").ToList();
        Assert.Equal(2, items.Count);
        Assert.Equal("/en/projects/enact", items[0].QuerySelector("h2 a")!.GetAttribute("href"));
        Assert.Contains("Activities: 5", items[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("Open government data", items[1].QuerySelector("h2 a[href='/en/projects/open-data-2025']")!.TextContent);
        Assert.Contains("Strengthening the publication and reuse of open government data in the Arab region", items[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Activities: 0", items[1].TextContent, StringComparison.Ordinal);
        Assert.Null(projects.QuerySelector("main a[href='/en/projects/new']"));
        var arabic = await reader.GetPageAsync("/ar/projects");
        Assert.Contains("عدد الأنشطة: 0", arabic.QuerySelectorAll(".projects > li")[1].TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ar", "يستخدم مشروع آخر هذا الرمز. اختر قيمة أخرى في «الرمز (عنوان الصفحة)».")]
    [InlineData("en", "Another project already uses this code. Choose another one for \"Code (address of the page)\".")]
    public async Task A_code_already_used_is_refused_and_the_typed_text_is_kept(string culture, string message)
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        using var editor = app.CreateTestClient(culture);
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);

        // "ENACT" is the demo project's "enact" once in lower case.
        using var response = await editor.SubmitFormAsync($"/{culture}/projects/new", ProjectForm("ENACT", ("Input.NameEn", "Another ENACT")));
        var page = await ExpectFormAgainAsync(response);
        Assert.Equal(message, page.QuerySelector("#Input_Code-error")!.TextContent);
        Assert.Equal("#Input_Code", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("true", page.QuerySelector("#Input_Code")!.GetAttribute("aria-invalid"));
        Assert.Equal("Another ENACT", page.QuerySelector("#Input_NameEn")!.GetAttribute("value"));
        Assert.Equal("ENACT", page.QuerySelector("#Input_Code")!.GetAttribute("value"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Projects.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "project.created")));

        // A second project with a new code works; the same code again is refused too.
        await CreateProjectAsync(editor, "digital-trust");
        using var again = await editor.SubmitFormAsync($"/{culture}/projects/new", ProjectForm("digital-trust"));
        Assert.Equal(message, (await ExpectFormAgainAsync(again)).QuerySelector("#Input_Code-error")!.TextContent);
        Assert.Equal(2, await app.WithDbAsync(db => db.Projects.CountAsync()));
    }

    [Theory]
    [InlineData("en", "open data", "\"Code (address of the page)\" may contain only lower-case Latin letters (a–z), digits and single hyphens, and cannot start or end with a hyphen.")]
    [InlineData("en", "-open", "\"Code (address of the page)\" may contain only lower-case Latin letters (a–z), digits and single hyphens, and cannot start or end with a hyphen.")]
    [InlineData("en", "open--data", "\"Code (address of the page)\" may contain only lower-case Latin letters (a–z), digits and single hyphens, and cannot start or end with a hyphen.")]
    [InlineData("ar", "بيانات", "لا يجوز أن يحتوي «الرمز (عنوان الصفحة)» إلا على أحرف لاتينية صغيرة (a–z) وأرقام وشرطات مفردة، ولا أن يبدأ بشرطة أو ينتهي بها.")]
    [InlineData("ar", "open_data", "لا يجوز أن يحتوي «الرمز (عنوان الصفحة)» إلا على أحرف لاتينية صغيرة (a–z) وأرقام وشرطات مفردة، ولا أن يبدأ بشرطة أو ينتهي بها.")]
    [InlineData("en", "new", "This code is the address of a page of the portal. Choose another one for \"Code (address of the page)\".")]
    [InlineData("ar", "new", "هذا الرمز عنوان لصفحة في البوابة. اختر قيمة أخرى في «الرمز (عنوان الصفحة)».")]
    [InlineData("en", "a123456789-123456789-123456789-123456789-123456789-123456789-1234", "\"Code (address of the page)\" is too long.")]
    [InlineData("en", " ", "The field \"Code (address of the page)\" is required.")]
    public async Task A_badly_formed_code_is_refused_with_a_clear_message(string culture, string code, string message)
    {
        await using var app = await EnactFactory.StartAsync();
        using var editor = app.CreateTestClient(culture);
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);

        using var response = await editor.SubmitFormAsync($"/{culture}/projects/new", ProjectForm(code));
        var page = await ExpectFormAgainAsync(response);
        Assert.Equal(message, page.QuerySelector("#Input_Code-error")!.TextContent);
        Assert.Equal([message], page.QuerySelectorAll(".error-summary li").Select(li => li.TextContent.Trim()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Projects.CountAsync()));
    }

    [Theory]
    [InlineData("ar", "حقل «الاسم بالعربية» مطلوب.", "حقل «العنوان الكامل بالإنجليزية» مطلوب.")]
    [InlineData("en", "The field \"Name in Arabic\" is required.", "The field \"Full title in English\" is required.")]
    public async Task Missing_names_and_a_bad_code_are_shown_together_in_the_page_language(string culture, string nameError, string titleError)
    {
        await using var app = await EnactFactory.StartAsync();
        using var editor = app.CreateTestClient(culture);
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);

        using var response = await editor.SubmitFormAsync($"/{culture}/projects/new",
            ProjectForm("Bad Code!", ("Input.NameAr", ""), ("Input.LongTitleEn", "  ")));
        var page = await ExpectFormAgainAsync(response);
        var links = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#Input_NameAr", links);
        Assert.Contains("#Input_LongTitleEn", links);
        Assert.Contains("#Input_Code", links);
        Assert.Equal(nameError, page.QuerySelector("#Input_NameAr-error")!.TextContent);
        Assert.Equal(titleError, page.QuerySelector("#Input_LongTitleEn-error")!.TextContent);
        Assert.NotNull(page.QuerySelector("#Input_Code-error"));
        // What the editor typed stays in the form.
        Assert.Equal("Open government data", page.QuerySelector("#Input_NameEn")!.GetAttribute("value"));
        Assert.Equal("Bad Code!", page.QuerySelector("#Input_Code")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task An_editor_changes_a_projects_dimensions_and_goals_and_a_stale_form_is_a_conflict()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var trust = (await DimensionIdsAsync(app, "trust")).Single();

        // The edit form shows the project's four dimensions and goals 16 and 17 ticked.
        var stale = await editor.GetPageAsync("/en/projects/enact/edit");
        Assert.Equal(4, stale.QuerySelectorAll("#Input_DimensionIds input:checked").Length);
        Assert.Equal(["16", "17"], stale.QuerySelectorAll("#Input_Sdgs input:checked").Select(i => i.GetAttribute("value")));

        using (var saved = await editor.SubmitFormAsync("/en/projects/enact/edit", TestClient.Many(
            ("Input.DimensionIds", null), ("Input.DimensionIds", Id(trust)), ("Input.Sdgs", null), ("Input.Sdgs", "17"), ("Input.Sdgs", "5"))))
        {
            await ExpectRedirectAsync(saved);
        }
        var page = await editor.GetPageAsync("/en/projects/enact");
        Assert.Equal(["Trust"], page.QuerySelectorAll(".dimensions dt").Select(d => d.TextContent.Trim()));
        Assert.Equal(["Goal 5: Gender equality", "Goal 17: Partnerships for the goals"], page.QuerySelectorAll("#sdgs-heading + ul li").Select(li => li.TextContent.Trim()));
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "project.updated"));
        Assert.Contains("16,17", audit.Before, StringComparison.Ordinal);
        Assert.Contains("5,17", audit.After, StringComparison.Ordinal);

        // The form opened before that save: refused, the saved values shown, the editor's typing kept, nothing changed.
        using var conflict = await editor.SubmitFormAsync(stale, TestClient.Many(("Input.NameEn", "ENACT renamed")));
        var again = await ExpectFormAgainAsync(conflict);
        Assert.Contains("Someone else changed this record", again.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Goal 5", again.QuerySelector(".notice.conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ENACT renamed", again.QuerySelector("#Input_NameEn")!.GetAttribute("value"));
        Assert.Equal("The ENACT project", await app.WithDbAsync(db => db.Projects.Select(p => p.NameEn).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.ProjectDimensions.CountAsync()));
    }
}
