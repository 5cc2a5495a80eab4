namespace Enact.Core.Data;

/// <summary>An entity people edit: its <see cref="Version"/> is an optimistic concurrency token renewed on every save.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}
