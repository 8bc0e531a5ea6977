namespace Wuhan.Resale.Domain.Common;

/// <summary>
/// Marks the roots of consistency boundaries. Persistence gives each root a concurrency token that
/// changes on every save, so two requests racing on the same root cannot both win.
/// </summary>
public interface IAggregateRoot
{
    Guid Id { get; }
}
