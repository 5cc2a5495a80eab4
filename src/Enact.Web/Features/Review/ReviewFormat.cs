using System.Globalization;
using Enact.Core.CaseStudies;
using Enact.Core.Review;
using Enact.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Review;

/// <summary>How the review pages show states, dates, titles and scores to people.</summary>
public static class ReviewFormat
{
    public static string Status(CaseStudyStatus status, IStringLocalizer<ReviewText> text) => text["Status." + CaseStudyWorkflow.StatusCode(status)];

    /// <summary>A date for people: Gregorian calendar, the page's language ("5 May 2026").</summary>
    public static string Date(DateTime utc) => utc.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>Machine-readable date for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.0", CultureInfo.CurrentCulture);

    public static string Number(int value) => value.ToString("D", CultureInfo.CurrentCulture);

    /// <summary>The title in the page's language, else the other one; <c>Lang</c> is set only for the other one.</summary>
    public static (string Text, string? Lang) Title(string? ar, string? en, string fallback)
    {
        var arabic = Cultures.Current == Cultures.Arabic;
        var (mine, other, otherLang) = arabic ? (ar, en, Cultures.English) : (en, ar, Cultures.Arabic);
        if (!string.IsNullOrWhiteSpace(mine))
        {
            return (mine, null);
        }
        return string.IsNullOrWhiteSpace(other) ? (fallback, null) : (other, otherLang);
    }

    public static string? Dir(string? lang) => lang is null ? null : lang == Cultures.Arabic ? "rtl" : "ltr";

    /// <summary>The status codes the queue's state filter accepts, with their state.</summary>
    public static CaseStudyStatus? ParseStatus(string? code)
        => ReviewDesk.QueueStates.Cast<CaseStudyStatus?>().FirstOrDefault(s => string.Equals(CaseStudyWorkflow.StatusCode(s!.Value), code, StringComparison.Ordinal));
}
