namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>
/// One portal for all the tests of a class (<c>IClassFixture&lt;SharedPortal&gt;</c>), for classes whose tests only read
/// what every fresh portal shows — anonymous pages, headers, refusals — and so need no database of their own. A test
/// that signs someone in, changes a record, moves a clock or needs its own settings keeps its own
/// <see cref="PortalFactory"/>: tests sharing a host must not see each other.
/// </summary>
public sealed class SharedPortal : IDisposable
{
    public PortalFactory Factory { get; } = new();

    public void Dispose() => Factory.Dispose();
}
