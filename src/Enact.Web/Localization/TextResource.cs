using System.Reflection;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Localization;

/// <summary>
/// Put on an input model to look up its display names in a feature's texts first (for example <see cref="AdminText"/>),
/// then in <see cref="SharedText"/>, where the common validation messages ("Required", "EmailInvalid"...) live.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TextResourceAttribute(Type resource) : Attribute
{
    public Type Resource { get; } = resource;

    /// <summary>The localizer for data annotations of <paramref name="type"/>.</summary>
    public static IStringLocalizer For(Type type, IStringLocalizerFactory factory)
    {
        var shared = factory.Create(typeof(SharedText));
        return type.GetCustomAttribute<TextResourceAttribute>() is { } attribute
            ? new FallbackStringLocalizer(factory.Create(attribute.Resource), shared)
            : shared;
    }
}

/// <summary>Looks a key up in the first localizer, then in the second.</summary>
public sealed class FallbackStringLocalizer(IStringLocalizer first, IStringLocalizer second) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            var value = first[name];
            return value.ResourceNotFound ? second[name] : value;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var value = first[name, arguments];
            return value.ResourceNotFound ? second[name, arguments] : value;
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
        => first.GetAllStrings(includeParentCultures).Concat(second.GetAllStrings(includeParentCultures));
}
