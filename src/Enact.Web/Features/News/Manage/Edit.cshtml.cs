using Enact.Core.Data;
using Enact.Core.News;
using Enact.Core.Projects;
using Enact.Web.Features.Admin;
using Enact.Web.Features.Project;
using Enact.Web.Hosting;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.News.Manage;

/// <summary>Staff create (no id) or edit a news item.</summary>
[Authorize(Policy = Policies.Staff)]
public abstract class NewsFormModel(NewsService news, EnactDbContext db, IStringLocalizer<NewsText> text, IStringLocalizer<SharedText> shared) : PageModel, INewsFormPage
{
    [BindProperty]
    public NewsFormInput Input { get; set; } = new();

    public NewsChoices Choices { get; private set; } = NewsChoices.None;

    public NewsItem? Saved { get; private set; }

    /// <summary>The item as saved before this form (editing), for its current picture.</summary>
    protected NewsItem? Current { get; set; }

    public string? CurrentImageUrl => Current is { ImageFileId: Guid fileId } current ? NewsPictures.Url(Cultures.Current, current.Slug, fileId) : null;

    /// <summary>A request carries the form's texts and at most one picture.</summary>
    public const long RequestLimit = NewsItem.MaxImageLength + (1024 * 1024);

    protected async Task LoadChoicesAsync(CancellationToken ct) => Choices = await NewsChoices.LoadAsync(db, ct);

    protected async Task<IActionResult> SaveAsync(int? id, CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        var image = await Input.ReadImageAsync(ModelState, text, ct);
        var input = Input.ToInput(ModelState, text, image);
        if (input is null)
        {
            return Page();
        }
        var actor = CurrentUser.Actor(User);
        var outcome = id is { } existing
            ? Guid.TryParse(Input.Version, out var version) ? await news.UpdateAsync(actor, existing, version, input, ct) : Outcome.Conflict
            : await news.CreateAsync(actor, input, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.Success:
                return Redirect($"/{Cultures.Current}/news/{Uri.EscapeDataString(input.Slug!.Trim().ToLowerInvariant())}?status=saved");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Conflict:
                Saved = id is { } i ? await news.FindByIdAsync(i, ct) : null;
                if (Saved is null)
                {
                    return NotFound();
                }
                Current = Saved;
                Input.Version = Saved.Version.ToString("D");
                ModelState.AddModelError("", shared["ConcurrencyConflict"]);
                return Page();
            default:
                FeatureErrors.Add(ModelState, outcome.Errors, text, shared);
                return Page();
        }
    }
}

[Authorize(Policy = Policies.Staff)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class CreateModel(NewsService news, EnactDbContext db, IStringLocalizer<NewsText> text, IStringLocalizer<SharedText> shared, TimeProvider time)
    : NewsFormModel(news, db, text, shared)
{
    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        Input.PublishedOn = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => SaveAsync(null, ct);
}

[Authorize(Policy = Policies.Staff)]
[RequestSizeLimit(RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
public sealed class EditModel(NewsService news, EnactDbContext db, IStringLocalizer<NewsText> text, IStringLocalizer<SharedText> shared)
    : NewsFormModel(news, db, text, shared)
{
    private readonly NewsService _news = news;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var item = await _news.FindByIdAsync(id, ct);
        if (item is null)
        {
            return NotFound();
        }
        await LoadChoicesAsync(ct);
        Current = item;
        Input = NewsFormInput.From(item);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        Current = await _news.FindByIdAsync(id, ct);
        return Current is null ? NotFound() : await SaveAsync(id, ct);
    }
}
