using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Sections;

/// <summary>The sections that later features fill: each has its address and a description from now on.</summary>
public sealed class SectionModel(IStringLocalizer<SharedText> text) : PageModel
{
    private static readonly Dictionary<string, (string Title, string Description)> Keys = new(StringComparer.Ordinal)
    {
        ["events"] = ("NavEvents", "HomeEventsText"),
        ["questionnaires"] = ("NavQuestionnaires", "HomeQuestionnairesText"),
        ["monitoring"] = ("NavMonitoring", "HomeMonitoringText"),
    };

    public string Title { get; private set; } = "";
    public string Description { get; private set; } = "";

    public void OnGet(string section)
    {
        var (title, description) = Keys[section];
        Title = text[title];
        Description = text[description];
    }
}
