namespace Wuhan.Resale.Domain.Taxes;

/// <summary>The facts of a deal that the rows of the policy table test; null where the portal does not know them.</summary>
/// <param name="HeldYears">Full years from the registration date to the estimate date; null without a registration date.</param>
public sealed record TaxFacts(decimal BuildingArea, int? HeldYears, bool? BuyerFirstHome, bool? SellerOnlyHome);

/// <summary>What the table says for one item of one deal: the row that applies, or why none can be chosen.</summary>
public sealed record TaxRuleMatch(TaxPolicyRow? Row, string? Unavailable);

/// <summary>
/// The tax and fee policy table: rows with effective dates, like the 限购 table. For an item on a date, the rule set in
/// force is the rows with the latest effective date on or before it; the row whose conditions the deal meets applies.
/// </summary>
public sealed class TaxPolicyTable
{
    public const string NeedsRegistrationDate = "不动产登记记录中没有登记时间，无法计算持有年限";
    public const string NeedsBuyerAnswer = "请回答“买方是否首套住房”";
    public const string NeedsSellerAnswer = "请回答“卖方是否家庭唯一住房”";
    public const string NoRule = "政策表中没有适用的规定";

    private readonly IReadOnlyList<TaxPolicyRow> _rows;

    public TaxPolicyTable(IEnumerable<TaxPolicyRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = [.. rows];
    }

    public static TaxPolicyTable Empty { get; } = new([]);

    public IReadOnlyList<TaxPolicyRow> Rows => _rows;

    /// <summary>The rows of an item in force on a date (one rule set); empty before the first.</summary>
    public IReadOnlyList<TaxPolicyRow> InForce(TaxItem item, DateOnly onDate)
    {
        var latest = _rows.Where(r => r.Item == item && r.EffectiveFrom <= onDate).Select(r => (DateOnly?)r.EffectiveFrom).Max();
        return latest is null ? [] : [.. _rows.Where(r => r.Item == item && r.EffectiveFrom == latest)];
    }

    /// <summary>
    /// The row that applies. When the answer depends on a fact or answer the deal does not have yet, no row is chosen
    /// and the reason says what is missing; a missing answer that would not change the row does not matter.
    /// </summary>
    public TaxRuleMatch Match(TaxItem item, DateOnly onDate, TaxFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var candidates = InForce(item, onDate).Where(r => Possible(r, facts)).ToList();
        if (candidates.Count == 0)
        {
            return new TaxRuleMatch(null, NoRule);
        }

        if (candidates.Count == 1 && Missing(candidates[0], facts) is null)
        {
            return new TaxRuleMatch(candidates[0], null);
        }

        var missing = candidates.Select(r => Missing(r, facts)).FirstOrDefault(m => m is not null);
        return missing is null ? new TaxRuleMatch(candidates[0], null) : new TaxRuleMatch(null, missing);
    }

    /// <summary>Whether the deal meets every condition it can be tested on.</summary>
    private static bool Possible(TaxPolicyRow row, TaxFacts facts) =>
        (row.AreaOver is not { } over || facts.BuildingArea > over)
        && (row.AreaUpTo is not { } upTo || facts.BuildingArea <= upTo)
        && (row.BuyerFirstHome is not { } first || facts.BuyerFirstHome is not { } isFirst || first == isFirst)
        && (row.SellerOnlyHome is not { } only || facts.SellerOnlyHome is not { } isOnly || only == isOnly)
        && (row.HeldYearsAtLeast is not { } least || facts.HeldYears is not { } held1 || held1 >= least)
        && (row.HeldYearsUnder is not { } under || facts.HeldYears is not { } held2 || held2 < under);

    private static string? Missing(TaxPolicyRow row, TaxFacts facts) =>
        row.NeedsHolding && facts.HeldYears is null ? NeedsRegistrationDate
        : row.NeedsBuyerAnswer && facts.BuyerFirstHome is null ? NeedsBuyerAnswer
        : row.NeedsSellerAnswer && facts.SellerOnlyHome is null ? NeedsSellerAnswer
        : null;
}
