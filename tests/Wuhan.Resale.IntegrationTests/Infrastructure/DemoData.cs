using Wuhan.Resale.Web.Data.Seed;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>The demo data file exactly as the portal reads it.</summary>
public static class DemoData
{
    private static readonly Lazy<DemoDataSet> Data = new(() => DemoDataSeeder.Load(DemoDataSeeder.DefaultPath));

    public static DemoDataSet Set => Data.Value;

    public static DemoCitizen Citizen(string key) => Set.Citizens.Single(c => c.Key == key);

    public static DemoProperty Property(string key) => Set.Properties.Single(p => p.Key == key);
}
