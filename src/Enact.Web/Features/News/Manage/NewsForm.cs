using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Enact.Core.Data;
using Enact.Core.News;
using Enact.Core.Projects;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.News.Manage;

/// <summary>The create and edit pages, which share the form's fields and its choices of project, activity and event.</summary>
public interface INewsFormPage
{
    NewsFormInput Input { get; }
    NewsChoices Choices { get; }

    /// <summary>The address of the item's current picture (editing an item that has one), else null.</summary>
    string? CurrentImageUrl { get; }
}

public sealed record NewsChoices(
    IReadOnlyList<(int Id, string NameAr, string NameEn)> Projects,
    IReadOnlyList<(int Id, string TitleAr, string TitleEn)> Activities,
    IReadOnlyList<(int Id, string TitleAr, string TitleEn)> Events)
{
    public static readonly NewsChoices None = new([], [], []);

    public static async Task<NewsChoices> LoadAsync(EnactDbContext db, CancellationToken ct)
    {
        var projects = await db.Projects.AsNoTracking().OrderBy(p => p.Code).Select(p => new { p.Id, p.NameAr, p.NameEn }).ToListAsync(ct);
        var activities = await db.ProjectActivities.AsNoTracking().OrderBy(a => a.ProjectId).ThenBy(a => a.Position).Select(a => new { a.Id, a.ProjectId, a.TitleAr, a.TitleEn }).ToListAsync(ct);
        var names = projects.ToDictionary(p => p.Id);
        var events = await db.Events.AsNoTracking().OrderByDescending(e => e.StartsAt).Select(e => new { e.Id, e.TitleAr, e.TitleEn }).ToListAsync(ct);
        return new(
            projects.Select(p => (p.Id, p.NameAr, p.NameEn)).ToList(),
            // An activity is named with its project ("ENACT · Workshop on trust"): titles alone repeat across projects.
            activities.Select(a => (a.Id, $"{names[a.ProjectId].NameAr} · {a.TitleAr}", $"{names[a.ProjectId].NameEn} · {a.TitleEn}")).ToList(),
            events.Select(e => (e.Id, e.TitleAr, e.TitleEn)).ToList());
    }
}

[FeatureTexts(typeof(NewsText))]
public sealed class NewsFormInput
{
    [Required(ErrorMessage = "Required")]
    [MaxLength(NewsItem.MaxSlugLength, ErrorMessage = "MaxLength")]
    [Display(Name = "Slug")]
    public string? Slug { get; set; }

    [Required(ErrorMessage = "Required")]
    [MaxLength(NewsItem.MaxTitleLength, ErrorMessage = "MaxLength")]
    [Display(Name = "TitleAr")]
    public string? TitleAr { get; set; }

    [Required(ErrorMessage = "Required")]
    [MaxLength(NewsItem.MaxTitleLength, ErrorMessage = "MaxLength")]
    [Display(Name = "TitleEn")]
    public string? TitleEn { get; set; }

    [MaxLength(NewsItem.MaxSummaryLength, ErrorMessage = "MaxLength")]
    [Display(Name = "SummaryAr")]
    public string? SummaryAr { get; set; }

    [MaxLength(NewsItem.MaxSummaryLength, ErrorMessage = "MaxLength")]
    [Display(Name = "SummaryEn")]
    public string? SummaryEn { get; set; }

    [MaxLength(NewsItem.MaxBodyLength, ErrorMessage = "MaxLength")]
    [Display(Name = "BodyAr")]
    public string? BodyAr { get; set; }

    [MaxLength(NewsItem.MaxBodyLength, ErrorMessage = "MaxLength")]
    [Display(Name = "BodyEn")]
    public string? BodyEn { get; set; }

    /// <summary>A date input's value (yyyy-MM-dd).</summary>
    [Required(ErrorMessage = "Required")]
    [MaxLength(20, ErrorMessage = "MaxLength")]
    [Display(Name = "PublishedOn")]
    public string? PublishedOn { get; set; }

    public string? ProjectId { get; set; }
    public string? ActivityId { get; set; }
    public string? EventId { get; set; }

    /// <summary>A new picture (PNG, JPEG, GIF or WebP, checked by its content); replaces the current one.</summary>
    [Display(Name = "Image")]
    public IFormFile? Image { get; set; }

    [Display(Name = "RemoveImage")]
    public bool RemoveImage { get; set; }

    [MaxLength(NewsItem.MaxImageAltLength, ErrorMessage = "MaxLength")]
    [Display(Name = "ImageAltAr")]
    public string? ImageAltAr { get; set; }

    [MaxLength(NewsItem.MaxImageAltLength, ErrorMessage = "MaxLength")]
    [Display(Name = "ImageAltEn")]
    public string? ImageAltEn { get; set; }

    [MaxLength(100)]
    public string? Version { get; set; }

    public static NewsFormInput From(NewsItem n) => new()
    {
        Slug = n.Slug, TitleAr = n.TitleAr, TitleEn = n.TitleEn, SummaryAr = n.SummaryAr, SummaryEn = n.SummaryEn,
        BodyAr = n.BodyAr, BodyEn = n.BodyEn,
        PublishedOn = n.PublishedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ProjectId = n.ProjectId?.ToString(CultureInfo.InvariantCulture),
        ActivityId = n.ActivityId?.ToString(CultureInfo.InvariantCulture),
        EventId = n.EventId?.ToString(CultureInfo.InvariantCulture),
        ImageAltAr = n.ImageAltAr,
        ImageAltEn = n.ImageAltEn,
        Version = n.Version.ToString("D"),
    };

    /// <summary>
    /// The uploaded picture's bytes, or null when none was chosen; a file over the limit is not read: its error is added
    /// to <paramref name="modelState"/> (the service checks the content's type).
    /// </summary>
    public async Task<byte[]?> ReadImageAsync(ModelStateDictionary modelState, IStringLocalizer<NewsText> text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (Image is not { Length: > 0 } file)
        {
            return null;
        }
        if (file.Length > NewsItem.MaxImageLength)
        {
            modelState.AddModelError("Input.Image", text["ImageTooLarge"]);
            return null;
        }
        using var stream = new MemoryStream();
        await file.CopyToAsync(stream, ct);
        return stream.ToArray();
    }

    /// <summary>The service's input, or null after adding the error of a date the browser should not have sent.</summary>
    public NewsInput? ToInput(ModelStateDictionary modelState, IStringLocalizer<NewsText> text, byte[]? image = null)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var dateOk = DateOnly.TryParseExact(PublishedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);
        if (!dateOk && !string.IsNullOrWhiteSpace(PublishedOn))
        {
            modelState.AddModelError("Input.PublishedOn", text["DateInvalid", text["PublishedOn"].Value]);
        }
        return modelState.IsValid && dateOk
            ? new NewsInput(Slug, TitleAr, TitleEn, SummaryAr, SummaryEn, BodyAr, BodyEn, date, Id(ProjectId), Id(ActivityId), Id(EventId))
            {
                Image = image,
                RemoveImage = RemoveImage,
                ImageAltAr = ImageAltAr,
                ImageAltEn = ImageAltEn,
            }
            : null;
    }

    private static int? Id(string? value)
        => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
