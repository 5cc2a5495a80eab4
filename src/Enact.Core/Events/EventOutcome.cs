namespace Enact.Core.Events;

public enum EventResult
{
    Succeeded,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>A business rule that refused a change: the input field it concerns ("" for the whole form) and a code the pages translate.</summary>
public sealed record EventError(string Field, string Code);

/// <summary>What a service method did: success with a value, or not found, or refused with errors, or a stale version.</summary>
public sealed record EventOutcome<T>(EventResult Result, T? Value, IReadOnlyList<EventError> Errors)
{
    public bool Succeeded => Result == EventResult.Succeeded;
}

public static class EventOutcome
{
    public static EventOutcome<T> Success<T>(T value) => new(EventResult.Succeeded, value, []);
    public static EventOutcome<T> NotFound<T>() => new(EventResult.NotFound, default, []);
    public static EventOutcome<T> Conflict<T>() => new(EventResult.Conflict, default, [new EventError("", "Conflict")]);
    public static EventOutcome<T> Refused<T>(string code, string field = "") => new(EventResult.Invalid, default, [new EventError(field, code)]);
    public static EventOutcome<T> Refused<T>(IReadOnlyList<EventError> errors) => new(EventResult.Invalid, default, errors);
}
