using Enact.Core.Reference;

namespace Enact.Web.Features.Project;

/// <summary>One checkbox of a <see cref="CheckGroup"/>: its value, its label (in <paramref name="Lang"/> when not the page's), and a detail such as a date.</summary>
public sealed record CheckOption(string Value, string Label, string? Lang = null, string? Detail = null);

/// <summary>A group of checkboxes bound to "Input.<see cref="Field"/>" (see <c>_Checks.cshtml</c>).</summary>
public sealed record CheckGroup(string Field, string Legend, string? Hint, IReadOnlyList<CheckOption> Options, IReadOnlySet<string> Selected, string Empty = "", string CssClass = "");

/// <summary>What the project form's fields need beside the input: the dimension terms to tick.</summary>
public sealed record ProjectFields(ProjectFormInput Input, IReadOnlyList<TaxonomyTerm> Dimensions);
