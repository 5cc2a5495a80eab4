using System.ComponentModel.DataAnnotations;
using Enact.Core.Calls;
using Enact.Web.Localization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Calls.Manage;

/// <summary>The create and edit pages, which share the form's fields.</summary>
public interface ICallFormPage
{
    CallFormInput Input { get; }
}

/// <summary>What the editor types: titles and descriptions in both languages, local opening and closing, and the zone they are in.</summary>
[FeatureTexts(typeof(CallText))]
public sealed class CallFormInput
{
    [Required(ErrorMessage = "Required")]
    [MaxLength(SubmissionCall.MaxTitleLength, ErrorMessage = "MaxLength")]
    [Display(Name = "TitleAr")]
    public string? TitleAr { get; set; }

    [Required(ErrorMessage = "Required")]
    [MaxLength(SubmissionCall.MaxTitleLength, ErrorMessage = "MaxLength")]
    [Display(Name = "TitleEn")]
    public string? TitleEn { get; set; }

    [MaxLength(CallService.MaxDescriptionLength, ErrorMessage = "MaxLength")]
    [Display(Name = "DescriptionAr")]
    public string? DescriptionAr { get; set; }

    [MaxLength(CallService.MaxDescriptionLength, ErrorMessage = "MaxLength")]
    [Display(Name = "DescriptionEn")]
    public string? DescriptionEn { get; set; }

    /// <summary>A datetime-local value, read in <see cref="TimeZone"/>.</summary>
    [Required(ErrorMessage = "Required")]
    [MaxLength(40, ErrorMessage = "MaxLength")]
    [Display(Name = "OpensAt")]
    public string? OpensAt { get; set; }

    [Required(ErrorMessage = "Required")]
    [MaxLength(40, ErrorMessage = "MaxLength")]
    [Display(Name = "ClosesAt")]
    public string? ClosesAt { get; set; }

    [Required(ErrorMessage = "Required")]
    [MaxLength(CallTime.MaxZoneLength, ErrorMessage = "MaxLength")]
    [Display(Name = "TimeZone")]
    public string? TimeZone { get; set; } = "Asia/Beirut";

    [MaxLength(100)]
    public string? Version { get; set; }

    public static CallFormInput From(SubmissionCall call) => new()
    {
        TitleAr = call.TitleAr,
        TitleEn = call.TitleEn,
        DescriptionAr = call.DescriptionAr,
        DescriptionEn = call.DescriptionEn,
        OpensAt = CallTimes.ToLocalInput(call.OpensAt, call.TimeZone),
        ClosesAt = CallTimes.ToLocalInput(call.ClosesAt, call.TimeZone),
        TimeZone = call.TimeZone,
        Version = call.Version.ToString("D"),
    };

    /// <summary>The service's input, or null after adding the errors of dates the browser should not have sent.</summary>
    public CallInput? ToCallInput(ModelStateDictionary modelState, IStringLocalizer<CallText> text)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        var opensOk = CallTimes.TryParseLocal(OpensAt, out var opens);
        var closesOk = CallTimes.TryParseLocal(ClosesAt, out var closes);
        if (!opensOk && !string.IsNullOrWhiteSpace(OpensAt))
        {
            modelState.AddModelError("Input.OpensAt", text["DateTimeInvalid", text["OpensAt"].Value]);
        }
        if (!closesOk && !string.IsNullOrWhiteSpace(ClosesAt))
        {
            modelState.AddModelError("Input.ClosesAt", text["DateTimeInvalid", text["ClosesAt"].Value]);
        }
        return modelState.IsValid && opensOk && closesOk
            ? new CallInput(TitleAr, TitleEn, DescriptionAr, DescriptionEn, opens, closes, TimeZone)
            : null;
    }
}

public static class CallErrors
{
    /// <summary>Puts the service's errors on their fields ("Input.X"), each with the field's localized name.</summary>
    public static void Add(ModelStateDictionary modelState, IEnumerable<CallError> errors, IStringLocalizer<CallText> text, IStringLocalizer<SharedText> shared)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            var field = error.Field.Length == 0 ? "" : text[error.Field].Value;
            var message = text[error.Key, field];
            if (message.ResourceNotFound)
            {
                message = shared[error.Key, field];
            }
            modelState.AddModelError(error.Field.Length == 0 ? "" : "Input." + error.Field, message.Value);
        }
    }
}
