namespace Wuhan.Resale.UnitTests.Builders;

/// <summary>A clock that always answers the same instant.</summary>
public sealed class FixedTimeProvider(DateTimeOffset utcNow) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => utcNow;
}
