using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace Enact.Web.Localization;

/// <summary>The portal's two languages. Arabic is first; dates use the Gregorian calendar on purpose.</summary>
public static class Cultures
{
    public const string Arabic = "ar";
    public const string English = "en";
    public static readonly IReadOnlyList<string> All = [Arabic, English];

    public static readonly CultureInfo ArabicCulture = CreateArabic();
    public static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");

    public static bool IsSupported(string? value) => value is Arabic or English;

    public static CultureInfo Get(string code) => code == English ? EnglishCulture : ArabicCulture;

    public static bool IsRightToLeft(CultureInfo culture) => culture.TextInfo.IsRightToLeft;

    /// <summary>The culture of <paramref name="code"/> (Arabic when unknown) as the current one until the scope is disposed.</summary>
    public static CultureScope Use(string? code) => new(Get(code ?? Arabic));

    /// <summary>The language code of the current UI culture ("ar" or "en").</summary>
    public static string Current => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == English ? English : Arabic;

    private static CultureInfo CreateArabic()
    {
        var culture = (CultureInfo)CultureInfo.GetCultureInfo("ar").Clone();
        var gregorian = culture.OptionalCalendars.OfType<GregorianCalendar>().FirstOrDefault();
        if (gregorian is not null)
        {
            culture.DateTimeFormat.Calendar = gregorian;
        }
        return CultureInfo.ReadOnly(culture);
    }

    /// <summary>First path segment as culture: "/ar/..." or "/en/...". Error pages use the path of the failed request.</summary>
    public static string? FromPath(HttpContext context)
    {
        var path = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? context.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? context.Request.Path.Value;
        return FromPath(path);
    }

    public static string? FromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length < 3 || path[0] != '/')
        {
            return null;
        }
        var segment = path.Length == 3 || path[3] == '/' ? path.Substring(1, 2) : null;
        return IsSupported(segment) ? segment : null;
    }

    /// <summary>The same path and query in another language.</summary>
    public static string SwitchPath(HttpRequest request, string target)
    {
        // On an error page, switch the page that was asked for, not /error/404.
        var reExecuted = request.HttpContext.Features.Get<IStatusCodeReExecuteFeature>();
        var path = reExecuted?.OriginalPath ?? request.HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? request.Path.Value ?? "/";
        var query = reExecuted?.OriginalQueryString ?? request.QueryString.Value;
        var current = FromPath(path);
        var rest = current is null ? path : path[3..];
        if (string.IsNullOrEmpty(rest))
        {
            rest = "/";
        }
        return "/" + target + rest + query;
    }
}

public sealed class PathCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var culture = Cultures.FromPath(httpContext);
        return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture));
    }
}
