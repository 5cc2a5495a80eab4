using Enact.Core.Reference;

namespace Enact.Web.Features.Admin;

/// <summary>The role and country checkboxes shared by the invitation and account pages.</summary>
public sealed record AccessFields(IReadOnlyCollection<string> Roles, IReadOnlyCollection<string> Countries, IReadOnlyList<Country> AllCountries, bool Arabic);
