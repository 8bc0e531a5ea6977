using System.Reflection;

namespace Wuhan.Resale.UnitTests.Builders;

/// <summary>Reads the rows of a theory's [InlineData] table, so a test can check that the tables cover every case.</summary>
public static class TheoryTable
{
    public static IReadOnlyList<object[]> Rows<TTests>(string method) =>
        [.. (typeof(TTests).GetMethod(method) ?? throw new ArgumentException($"No test method {method}.", nameof(method)))
            .GetCustomAttributes<InlineDataAttribute>()
            .SelectMany(a => a.GetData(null!))];
}
