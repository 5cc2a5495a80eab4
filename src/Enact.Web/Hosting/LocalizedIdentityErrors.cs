using Enact.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Hosting;

/// <summary>Identity's errors that administrators meet (duplicate or invalid e-mail), in the reader's language.</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<AdminText> text) : IdentityErrorDescriber
{
    public override IdentityError DuplicateEmail(string email)
        => new() { Code = nameof(DuplicateEmail), Description = text["DuplicateEmail", email] };

    // The user name is the e-mail address: the same message, so the form shows it once.
    public override IdentityError DuplicateUserName(string userName)
        => new() { Code = nameof(DuplicateUserName), Description = text["DuplicateEmail", userName] };

    public override IdentityError InvalidEmail(string? email)
        => new() { Code = nameof(InvalidEmail), Description = text["InvalidEmailAddress", email ?? ""] };

    public override IdentityError InvalidUserName(string? userName)
        => new() { Code = nameof(InvalidUserName), Description = text["InvalidEmailAddress", userName ?? ""] };

    public override IdentityError ConcurrencyFailure()
        => new() { Code = nameof(ConcurrencyFailure), Description = text["ConcurrencyConflict"] };
}
