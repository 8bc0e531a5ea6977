using Wuhan.Resale.Web.Data.Seed;

namespace Wuhan.Resale.E2E.Infrastructure;

/// <summary>The demo personas and homes exactly as the portal loads them.</summary>
public static class Personas
{
    private static readonly Lazy<DemoDataSet> Data = new(() => DemoDataSeeder.Load(DemoDataSeeder.DefaultPath));

    public static DemoCitizen Citizen(string key) => Data.Value.Citizens.Single(c => c.Key == key);

    public static DemoProperty Home(string key) => Data.Value.Properties.Single(p => p.Key == key);

    public static IEnumerable<DemoProperty> HomesOf(string citizenKey) =>
        Data.Value.Properties.Where(p => p.Owners.Any(o => o.CitizenKey == citizenKey));
}
