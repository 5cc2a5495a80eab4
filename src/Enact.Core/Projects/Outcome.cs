namespace Enact.Core.Projects;

/// <summary>A business-rule error: the input field it belongs to (empty for the whole form) and the key of its message.</summary>
public sealed record FieldError(string Field, string Key);

public enum OutcomeKind
{
    Success,
    Invalid,
    Conflict,
    NotFound,
    Forbidden,
}

/// <summary>What a change of projects, news or organisations came to: done (with the record's id), refused, or in conflict.</summary>
public sealed record Outcome(OutcomeKind Kind, IReadOnlyList<FieldError> Errors, int? Id = null)
{
    public bool Succeeded => Kind == OutcomeKind.Success;
    public static Outcome Ok(int id) => new(OutcomeKind.Success, [], id);
    public static Outcome Invalid(IReadOnlyList<FieldError> errors) => new(OutcomeKind.Invalid, errors);
    public static Outcome Invalid(string field, string key) => new(OutcomeKind.Invalid, [new FieldError(field, key)]);
    public static readonly Outcome Conflict = new(OutcomeKind.Conflict, []);
    public static readonly Outcome NotFound = new(OutcomeKind.NotFound, []);
    public static readonly Outcome Forbidden = new(OutcomeKind.Forbidden, []);
}

/// <summary>Checks shared by the services of projects, news and organisations.</summary>
public static class Texts
{
    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim().ReplaceLineEndings("\n");

    public static void Check(List<FieldError> errors, string field, string? value, int max, bool required)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(new(field, "Required"));
            }
        }
        else if (value.Length > max)
        {
            errors.Add(new(field, "TooLong"));
        }
    }

    public static bool IsSlug(string? value, int max)
        => value is { Length: > 0 } && value.Length <= max && value[0] != '-' && value[^1] != '-'
            && value.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
