using System.Globalization;
using Wuhan.Resale.Domain.Taxes;
using Wuhan.Resale.Web.Pdf.Layout;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>The tax and fee estimate as the contract's annex prints it, with the answers it was worked out from.</summary>
/// <param name="HeldYears">Full years from the registration date to the estimate date; null without a registration date.</param>
public sealed record TaxAnnex(TaxEstimate Estimate, decimal BuildingArea, int? HeldYears, bool? BuyerFirstHome, bool? SellerOnlyHome)
{
    public const string Heading = "附件：税费估算";

    /// <summary>The annex of a contract on a date: the estimate from the policy table and what it was worked out from.</summary>
    public static TaxAnnex Of(Data.Seed.TaxPolicyFile taxes, Domain.Contracts.ContractTerms terms, Domain.Properties.PropertyRecord home, DateOnly on)
    {
        ArgumentNullException.ThrowIfNull(taxes);
        ArgumentNullException.ThrowIfNull(terms);
        ArgumentNullException.ThrowIfNull(home);
        return new TaxAnnex(
            taxes.Estimate(terms, home, on), home.BuildingArea, TaxEstimator.HeldYears(home.RegisteredOn, on), terms.BuyerFirstHome, terms.SellerOnlyHome);
    }

    public static string Answer(bool? value) => value switch { true => "是", false => "否", _ => "未回答" };

    /// <summary>"约1,234.00元"; 无法估算 when there is no figure.</summary>
    public static string AmountText(TaxEstimateLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.Amount is { } amount ? Yuan(amount) : TaxEstimateLine.UnavailableText;
    }

    public static string Yuan(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string BorneByText(TaxEstimateLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return line.BorneBy?.DisplayName() ?? "第六条未约定";
    }

    /// <summary>The source, or why the line has no figure; with the case it applies and any note.</summary>
    public static string BasisText(TaxEstimateLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Amount is null)
        {
            return line.Unavailable ?? string.Empty;
        }

        var note = line.Note is null ? string.Empty : $"（{line.Note}）";
        return $"{line.Source}：{line.Case}{note}";
    }

    /// <summary>The facts line: the date, the area, the holding time and the two answers.</summary>
    public string FactsText() =>
        $"估算日期：{Estimate.On.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}；建筑面积："
        + $"{BuildingArea.ToString("0.00", CultureInfo.InvariantCulture)}平方米；持有年限："
        + (HeldYears is { } years ? $"满{years}年（自登记时间起算）" : "不明（不动产登记记录中没有登记时间）")
        + $"；买方是否首套住房：{Answer(BuyerFirstHome)}；卖方是否家庭唯一住房：{Answer(SellerOnlyHome)}。";
}

/// <summary>Lays out the <see cref="TaxAnnex"/> on a page of its own after the signatures.</summary>
internal static class TaxAnnexComposer
{
    public static void Compose(TaxAnnex annex, BlockLayout layout)
    {
        layout.PageBreak();
        layout.Paragraph([new TextSpan($"{TaxAnnex.Heading}（{TaxEstimate.Disclaimer}）")], TextStyle.Heading, heading: true);
        layout.Paragraph([new TextSpan(annex.FactsText())], TextStyle.Body, spaceBefore: 6);
        layout.Table(
            [1.6, 1.5, 1.6, 1.4, 3.4],
            ["项目", "金额（元）", "税率/标准", "承担方", "依据"],
            [.. annex.Estimate.Lines.Select(l => (IReadOnlyList<string>)
                [l.Name, TaxAnnex.AmountText(l), l.Rate ?? "—", TaxAnnex.BorneByText(l), TaxAnnex.BasisText(l)])],
            TextStyle.Small,
            spaceBefore: 6);
        var totals = $"按第六条约定，乙方（买方）约承担{TaxAnnex.Yuan(annex.Estimate.TotalFor(TaxParty.Buyer))}元，"
            + $"甲方（卖方）约承担{TaxAnnex.Yuan(annex.Estimate.TotalFor(TaxParty.Seller))}元"
            + (annex.Estimate.IsComplete ? "。" : "（不含无法估算的项目）。");
        layout.Paragraph([new TextSpan(totals)], TextStyle.Body, spaceBefore: 6);
        layout.Paragraph(
            [new TextSpan("本附件按本网站的税费政策表（演示数据）估算，不是合同条款，不约束双方；实际应纳税费以税务部门核定为准，登记费以不动产登记机构收取为准。")],
            TextStyle.Small, spaceBefore: 6);
    }
}
