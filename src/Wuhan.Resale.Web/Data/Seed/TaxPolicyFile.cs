using System.Text.Json;
using System.Text.Json.Serialization;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.Taxes;

namespace Wuhan.Resale.Web.Data.Seed;

/// <summary>
/// The tax and fee policy table, read once from a JSON file (by default the demo table tax-policies.json beside the
/// demo data; <c>TaxPolicy:Path</c> names another). Like the 限购 table it is data, not code: a new rule is a new row
/// with its effective date and source. A file that cannot be read stops the start-up rather than giving wrong figures.
/// </summary>
public sealed class TaxPolicyFile
{
    public const string PathSetting = "TaxPolicy:Path";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public TaxPolicyFile(TaxPolicyTable table, string about)
    {
        Table = table;
        About = about;
    }

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "tax-policies.json");

    public TaxPolicyTable Table { get; }

    /// <summary>What the file says of itself (that it is demo data, and what it leaves out).</summary>
    public string About { get; }

    public static TaxPolicyFile Load(string path)
    {
        using var stream = File.OpenRead(path);
        var content = JsonSerializer.Deserialize<Content>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"The tax policy file {path} is empty.");
        foreach (var row in content.Rows)
        {
            var wrong = row switch
            {
                { Base: TaxBase.PerCase, Amount: null or < 0 } => "a per-case row needs an amount",
                { Base: not TaxBase.PerCase, Rate: null or < 0 or >= 1 } => "a rate must be a fraction from 0 to 1",
                _ when string.IsNullOrWhiteSpace(row.Source) => "every row names its source",
                _ => null,
            };
            if (wrong is not null)
            {
                throw new InvalidOperationException($"Tax policy file {path}, {row.Item} from {row.EffectiveFrom}: {wrong}.");
            }
        }

        return new TaxPolicyFile(new TaxPolicyTable(content.Rows), content.About ?? string.Empty);
    }

    /// <summary>The estimate of a contract's taxes and fees on a date, from its terms and the registry's record of the home.</summary>
    public TaxEstimate Estimate(ContractTerms terms, PropertyRecord home, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(home);
        return TaxEstimator.Estimate(Table, new TaxEstimateInput(
            terms.Price, home.BuildingArea, home.DesignPurpose, home.RegisteredOn, terms.BuyerFirstHome, terms.SellerOnlyHome, terms.TaxBearer, on));
    }

    private sealed record Content(string? About, IReadOnlyList<TaxPolicyRow> Rows);
}
