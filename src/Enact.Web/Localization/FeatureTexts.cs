using System.Reflection;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Localization;

/// <summary>
/// Names the resource pair whose keys a page's input model uses for <c>[Display(Name)]</c> and validation messages.
/// Keys missing there are looked up in <see cref="SharedText"/> (so "Required", "EmailInvalid"… stay shared).
/// Put it on the input model or on the page model that declares it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FeatureTextsAttribute(Type texts) : Attribute
{
    public Type Texts { get; } = texts;
}

public static class FeatureTexts
{
    /// <summary>The data annotations localizer for a model type: its feature's texts first, then the shared ones.</summary>
    public static IStringLocalizer For(Type model, IStringLocalizerFactory factory)
    {
        var shared = factory.Create(typeof(SharedText));
        var attribute = model.GetCustomAttribute<FeatureTextsAttribute>() ?? model.DeclaringType?.GetCustomAttribute<FeatureTextsAttribute>();
        return attribute is null ? shared : new FallbackLocalizer(factory.Create(attribute.Texts), shared);
    }

    private sealed class FallbackLocalizer(IStringLocalizer first, IStringLocalizer second) : IStringLocalizer
    {
        public LocalizedString this[string name]
        {
            get
            {
                var s = first[name];
                return s.ResourceNotFound ? second[name] : s;
            }
        }

        public LocalizedString this[string name, params object[] arguments]
        {
            get
            {
                var s = first[name, arguments];
                return s.ResourceNotFound ? second[name, arguments] : s;
            }
        }

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures)
            => first.GetAllStrings(includeParentCultures).Concat(second.GetAllStrings(includeParentCultures));
    }
}
