namespace Wuhan.Resale.Domain.Taxes;

/// <summary>
/// One row of the tax and fee policy table: from <see cref="EffectiveFrom"/> on, <see cref="Item"/> is levied at
/// <see cref="Rate"/> (or <see cref="Amount"/> per case) on deals that meet every condition the row sets. All rows of
/// one item with the same effective date form that item's rule set; a later set replaces the whole earlier one. Each
/// row names the rule it comes from (<see cref="Source"/>), which the estimate shows next to its figure.
/// </summary>
public sealed record TaxPolicyRow
{
    public required TaxItem Item { get; init; }

    public required DateOnly EffectiveFrom { get; init; }

    public required TaxBase Base { get; init; }

    /// <summary>A fraction (0.01 is 1%); null for a fixed amount.</summary>
    public decimal? Rate { get; init; }

    /// <summary>Yuan per case, for <see cref="TaxBase.PerCase"/>.</summary>
    public decimal? Amount { get; init; }

    /// <summary>The document the figure comes from, e.g. 财税〔2016〕23号.</summary>
    public required string Source { get; init; }

    /// <summary>What the row means in plain words, e.g. 家庭唯一住房，140平方米及以下.</summary>
    public required string Case { get; init; }

    // Conditions; null means "any".

    /// <summary>True: the buyer's family buys its only home (首套); false: it already has one.</summary>
    public bool? BuyerFirstHome { get; init; }

    /// <summary>The home's 建筑面积 is more than this many square metres.</summary>
    public decimal? AreaOver { get; init; }

    /// <summary>The home's 建筑面积 is at most this many square metres.</summary>
    public decimal? AreaUpTo { get; init; }

    /// <summary>The seller has held the home for at least this many full years (from the registration date).</summary>
    public int? HeldYearsAtLeast { get; init; }

    /// <summary>The seller has held the home for less than this many full years.</summary>
    public int? HeldYearsUnder { get; init; }

    /// <summary>True: the home is the seller family's only home (家庭唯一生活用房); false: it is not.</summary>
    public bool? SellerOnlyHome { get; init; }

    /// <summary>Whether a row names an answer or fact the deal must supply before the row can be matched.</summary>
    internal bool NeedsBuyerAnswer => BuyerFirstHome is not null;

    internal bool NeedsHolding => HeldYearsAtLeast is not null || HeldYearsUnder is not null;

    internal bool NeedsSellerAnswer => SellerOnlyHome is not null;
}
