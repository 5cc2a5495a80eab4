using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Enact.Web.Features.Account;

/// <summary>
/// One labelled text field: <c>&lt;enact-field asp-for="Input.Email" type="email" autocomplete="email" /&gt;</c> renders the label
/// (the localized display name), an optional hint, the field's first error and the input, tied together with
/// <c>aria-describedby</c> and <c>aria-invalid</c>. Password values are never written back into the page.
/// </summary>
[HtmlTargetElement("enact-field", Attributes = "asp-for", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldTagHelper(HtmlEncoder encoder) : TagHelper
{
    [HtmlAttributeName("asp-for")]
    public ModelExpression For { get; set; } = null!;

    public string Type { get; set; } = "text";

    public string? Autocomplete { get; set; }

    public string? Hint { get; set; }

    /// <summary>Extra input attributes such as inputmode, dir or maxlength: "name=value;name=value".</summary>
    public string? Extra { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var name = For.Name;
        var id = TagBuilder.CreateSanitizedId(name, "_");
        var error = ViewContext.ViewData.ModelState.TryGetValue(name, out var entry) && entry.Errors.Count > 0
            ? entry.Errors[0].ErrorMessage
            : null;
        var describedBy = new List<string>();
        var html = new System.Text.StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $"<label for=\"{id}\">{E(For.Metadata.GetDisplayName())}</label>");
        if (!string.IsNullOrEmpty(Hint))
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"hint\" id=\"{id}-hint\">{E(Hint)}</span>");
            describedBy.Add(id + "-hint");
        }
        if (error is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"field-error\" id=\"{id}-error\">{E(error)}</span>");
            describedBy.Add(id + "-error");
        }
        html.Append(CultureInfo.InvariantCulture, $"<input type=\"{E(Type)}\" id=\"{id}\" name=\"{E(name)}\"");
        if (Type != "password")
        {
            var value = For.Model is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : For.Model?.ToString();
            html.Append(CultureInfo.InvariantCulture, $" value=\"{E(value ?? "")}\"");
        }
        if (!string.IsNullOrEmpty(Autocomplete))
        {
            html.Append(CultureInfo.InvariantCulture, $" autocomplete=\"{E(Autocomplete)}\"");
        }
        foreach (var pair in (Extra ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            html.Append(eq < 0 ? " " + E(pair) : " " + E(pair[..eq]) + "=\"" + E(pair[(eq + 1)..]) + "\"");
        }
        if (describedBy.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $" aria-describedby=\"{string.Join(' ', describedBy)}\"");
        }
        if (error is not null)
        {
            html.Append(" aria-invalid=\"true\" class=\"input-validation-error\"");
        }
        html.Append('>');

        output.TagName = "div";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "field");
        output.Content.SetHtmlContent(html.ToString());
    }

    private string E(string value) => encoder.Encode(value);
}
