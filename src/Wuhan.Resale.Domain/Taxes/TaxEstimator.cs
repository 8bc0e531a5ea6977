using System.Globalization;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Districts;

namespace Wuhan.Resale.Domain.Taxes;

/// <summary>What the estimate is worked out from: the portal's facts about the home, the contract and two answers.</summary>
/// <param name="Price">第二条 成交价格 in yuan; null when not filled in yet.</param>
/// <param name="BuildingArea">建筑面积 from the registry, in square metres.</param>
/// <param name="DesignPurpose">设计用途 from the registry; the table covers housing only.</param>
/// <param name="RegisteredOn">The registration date of the seller's title (登记时间), the start of the holding time.</param>
/// <param name="Bearer">第六条: who bears the taxes and fees.</param>
/// <param name="On">The date the estimate is for (today for a draft, the filing date for a filed contract).</param>
public sealed record TaxEstimateInput(
    decimal? Price, decimal BuildingArea, string? DesignPurpose, DateOnly? RegisteredOn,
    bool? BuyerFirstHome, bool? SellerOnlyHome, TaxBearer? Bearer, DateOnly On);

/// <summary>One line of the estimate. <see cref="Amount"/> is null when it cannot be estimated (<see cref="Unavailable"/> says why).</summary>
/// <param name="Rate">The rate as shown, e.g. 1%, 免征, 每件80元.</param>
/// <param name="Source">The rule the figure comes from, as the policy table names it.</param>
/// <param name="Case">Which case of the rule applies, in plain words.</param>
/// <param name="BorneBy">Who bears it under 第六条; null while 第六条 is not filled in.</param>
/// <param name="Note">A remark on how the figure was reached, when it needs one.</param>
public sealed record TaxEstimateLine(
    TaxItem Item, decimal? Amount, string? Rate, string? Source, string? Case, TaxParty? BorneBy, string? Unavailable, string? Note = null)
{
    public const string UnavailableText = "无法估算";

    public string Name => Item.DisplayName();
}

/// <summary>The tax and fee estimate of a deal: an estimate only; the tax office assesses the real figures.</summary>
public sealed record TaxEstimate(DateOnly On, IReadOnlyList<TaxEstimateLine> Lines)
{
    public const string Disclaimer = "估算，以税务部门核定为准";

    public TaxEstimateLine this[TaxItem item] => Lines.First(l => l.Item == item);

    /// <summary>Every line has a figure.</summary>
    public bool IsComplete => Lines.All(l => l.Amount is not null);

    /// <summary>What one party bears of the lines that could be estimated.</summary>
    public decimal TotalFor(TaxParty party) => Lines.Where(l => l.BorneBy == party && l.Amount is not null).Sum(l => l.Amount!.Value);
}

/// <summary>Works out the estimate from the policy table. A rule is written once: here; the pages and the PDF show it.</summary>
public static class TaxEstimator
{
    public const string NeedsPrice = "请先填写成交价格";
    public const string NotHousing = "本估算只适用于住房，这套房屋的设计用途不是住房";
    public const string NoVatFigure = "增值税无法估算，附加随之无法估算";
    public const string GrossPriceNote = "登记时间不明，按含增值税的价格估算";

    /// <summary>The lines in the order they are shown.</summary>
    public static readonly IReadOnlyList<TaxItem> Items =
    [
        TaxItem.DeedTax, TaxItem.ValueAddedTax, TaxItem.UrbanMaintenanceTax, TaxItem.EducationSurcharge,
        TaxItem.LocalEducationSurcharge, TaxItem.IndividualIncomeTax, TaxItem.RegistrationFee,
    ];

    public static TaxEstimate Estimate(TaxPolicyTable table, TaxEstimateInput input)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(input);
        if (input.DesignPurpose is not { } purpose || !PurchaseRestriction.IsResidential(purpose))
        {
            return new TaxEstimate(input.On, [.. Items.Select(i => Unavailable(i, input, NotHousing))]);
        }

        var facts = new TaxFacts(input.BuildingArea, HeldYears(input.RegisteredOn, input.On), input.BuyerFirstHome, input.SellerOnlyHome);
        var price = input.Price is > 0 ? input.Price : null;

        var vatMatch = table.Match(TaxItem.ValueAddedTax, input.On, facts);
        var vat = Line(TaxItem.ValueAddedTax, vatMatch, input, price, vatAmount: null);
        var lines = new List<TaxEstimateLine> { vat };
        foreach (var surcharge in (TaxItem[])[TaxItem.UrbanMaintenanceTax, TaxItem.EducationSurcharge, TaxItem.LocalEducationSurcharge])
        {
            lines.Add(vat.Amount is null && price is not null && vat.Unavailable is not null
                ? Unavailable(surcharge, input, NoVatFigure)
                : Line(surcharge, table.Match(surcharge, input.On, facts), input, price, vat.Amount));
        }

        var deed = Line(TaxItem.DeedTax, table.Match(TaxItem.DeedTax, input.On, facts), input, price, vat.Amount);
        if (deed.Amount is not null && vat.Amount is null)
        {
            deed = deed with { Note = GrossPriceNote };
        }

        lines.Insert(0, deed);
        lines.Add(Line(TaxItem.IndividualIncomeTax, table.Match(TaxItem.IndividualIncomeTax, input.On, facts), input, price, vat.Amount));
        lines.Add(Line(TaxItem.RegistrationFee, table.Match(TaxItem.RegistrationFee, input.On, facts), input, price, vat.Amount));
        return new TaxEstimate(input.On, lines);
    }

    /// <summary>Full years held on a date, counted from the registration date; null without one.</summary>
    public static int? HeldYears(DateOnly? registeredOn, DateOnly on)
    {
        if (registeredOn is not { } from || from > on)
        {
            return registeredOn is null ? null : 0;
        }

        var years = on.Year - from.Year;
        return from.AddYears(years) > on ? years - 1 : years;
    }

    /// <summary>"1%", "免征", "每件80元" or "增值税额的7%".</summary>
    public static string RateText(TaxPolicyRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Base == TaxBase.PerCase)
        {
            return $"每件{Number(row.Amount ?? 0)}元";
        }

        var rate = row.Rate ?? 0;
        if (rate == 0)
        {
            return "免征";
        }

        var percent = Number(rate * 100) + "%";
        return row.Base switch
        {
            TaxBase.VatIncludedInPrice => $"征收率{percent}（价税分离）",
            TaxBase.ValueAddedTax => $"增值税额的{percent}",
            _ => percent,
        };
    }

    private static TaxEstimateLine Line(TaxItem item, TaxRuleMatch match, TaxEstimateInput input, decimal? price, decimal? vatAmount)
    {
        var borneBy = item.BorneBy(input.Bearer);
        if (match.Row is not { } row)
        {
            return Unavailable(item, input, match.Unavailable ?? TaxPolicyTable.NoRule);
        }

        var rateText = RateText(row);
        decimal? amount = row.Base switch
        {
            TaxBase.PerCase => row.Amount ?? 0,
            _ when price is null => null,
            TaxBase.VatIncludedInPrice => Round(price.Value / (1 + (row.Rate ?? 0)) * (row.Rate ?? 0)),
            TaxBase.ValueAddedTax => vatAmount is { } vat ? Round(vat * (row.Rate ?? 0)) : null,
            _ => Round((price.Value - (vatAmount ?? 0)) * (row.Rate ?? 0)),
        };
        return new TaxEstimateLine(item, amount, rateText, row.Source, row.Case, borneBy, amount is null ? NeedsPrice : null);
    }

    private static TaxEstimateLine Unavailable(TaxItem item, TaxEstimateInput input, string reason) =>
        new(item, null, null, null, null, item.BorneBy(input.Bearer), reason);

    private static decimal Round(decimal yuan) => decimal.Round(yuan, 2, MidpointRounding.AwayFromZero);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
