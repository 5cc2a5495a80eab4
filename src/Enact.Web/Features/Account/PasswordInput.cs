using System.ComponentModel.DataAnnotations;
using Enact.Web.Localization;

namespace Enact.Web.Features.Account;

/// <summary>A new password typed twice: resetting a password and accepting an invitation.</summary>
[FeatureTexts(typeof(AccountText))]
public sealed class NewPasswordInput
{
    [Required(ErrorMessage = "Required")]
    [StringLength(200, MinimumLength = 10, ErrorMessage = "StringLength")]
    [Display(Name = "NewPassword")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Required")]
    [Compare(nameof(Password), ErrorMessage = "Compare")]
    [Display(Name = "ConfirmPassword")]
    public string ConfirmPassword { get; set; } = "";
}
