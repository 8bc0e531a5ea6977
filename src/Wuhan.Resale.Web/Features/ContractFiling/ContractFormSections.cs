using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>One part of the sectioned contract form: its key (in the address), its name and the articles it holds.</summary>
public sealed record ContractFormSection(string Key, string Name, IReadOnlyList<int> Articles)
{
    public string Anchor => "section-" + Key;
}

/// <summary>
/// 当事人 → 房屋 → 价款与付款 → 交付与税费 → 违约与争议 → 核对: the contract form in six parts, each a group of
/// articles of <see cref="ModelContract"/>. Every part is in the one form, so a save keeps all of them; the page opens
/// the part the seller is on.
/// </summary>
public static class ContractFormSections
{
    public const string Parties = "parties";
    public const string Home = "home";
    public const string Price = "price";
    public const string Delivery = "delivery";
    public const string Breach = "breach";
    public const string Review = "review";

    public static readonly IReadOnlyList<ContractFormSection> All =
    [
        new(Parties, "当事人", [0]),
        new(Home, "房屋", [1]),
        new(Price, "价款与付款", [2, 3, 4]),
        new(Delivery, "交付与税费", [5, 6, 7]),
        new(Breach, "违约与争议", [8, 9]),
        new(Review, "核对", [10, 11]),
    ];

    public static ContractFormSection First => All[0];

    /// <summary>The section of that key, or null for anything else (a crafted address opens the first).</summary>
    public static ContractFormSection? Find(string? key) => All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal));

    public static ContractFormSection? After(ContractFormSection section) => Neighbour(section, 1);

    public static ContractFormSection? Before(ContractFormSection section) => Neighbour(section, -1);

    public static ContractFormSection OfArticle(int article) => All.First(s => s.Articles.Contains(article));

    /// <summary>The section an input (or error key) belongs to; installment rows belong to the payment schedule.</summary>
    public static ContractFormSection OfInput(string inputName)
    {
        ArgumentNullException.ThrowIfNull(inputName);
        var name = inputName.StartsWith(nameof(ContractForm.Installments), StringComparison.Ordinal) ? nameof(ContractForm.Installments) : inputName;
        return InputSections.Value.TryGetValue(name, out var section) ? section : All[^1];
    }

    private static ContractFormSection? Neighbour(ContractFormSection section, int step)
    {
        var index = All.ToList().IndexOf(section) + step;
        return index >= 0 && index < All.Count ? All[index] : null;
    }

    private static readonly Lazy<Dictionary<string, ContractFormSection>> InputSections = new(() =>
    {
        var map = new Dictionary<string, ContractFormSection>(StringComparer.Ordinal)
        {
            ["HasCoOwners"] = All[0],
            ["Parties"] = All[0],
            [nameof(ContractForm.Installments)] = OfArticle(3),
            [nameof(ContractForm.BuyerFirstHome)] = OfArticle(6),
            [nameof(ContractForm.SellerOnlyHome)] = OfArticle(6),
        };
        foreach (var article in ModelContract.Articles)
        {
            var section = OfArticle(article.Number);
            foreach (var slot in article.Paragraphs.SelectMany(p => p.Slots))
            {
                map.TryAdd(ContractFormBlanks.For(slot).Name, section);
                if (ContractFormBlanks.SuppliedFor(slot) is { } supplied)
                {
                    map.TryAdd(supplied.Name, section);
                }
            }
        }

        return map;
    });
}
