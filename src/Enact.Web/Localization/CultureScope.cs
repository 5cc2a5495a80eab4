using System.Globalization;

namespace Enact.Web.Localization;

/// <summary>
/// Makes one of the portal's cultures the current one (formats and texts, Gregorian dates for Arabic) until disposed,
/// then puts back the cultures that were current before, also when the code in between throws:
/// <c>using var _ = Cultures.Use(recipient.Language);</c>. For work that writes something in another person's language
/// (an e-mail) inside a request in the reader's language.
/// </summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _previous;
    private readonly CultureInfo _previousUi;
    private bool _disposed;

    internal CultureScope(CultureInfo culture)
    {
        _previous = CultureInfo.CurrentCulture;
        _previousUi = CultureInfo.CurrentUICulture;
        Culture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    /// <summary>The culture in force inside the scope.</summary>
    public CultureInfo Culture { get; }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        CultureInfo.CurrentCulture = _previous;
        CultureInfo.CurrentUICulture = _previousUi;
    }
}
