using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>How a blank of the model contract looks on the form.</summary>
public enum BlankKind
{
    /// <summary>A text box.</summary>
    Text,

    /// <summary>A drop-down list.</summary>
    Choice,

    /// <summary>A multi-line text box.</summary>
    Area,

    /// <summary>A registry fact: shown, never typed in.</summary>
    Fact,

    /// <summary>The 大写 amount, worked out from the price.</summary>
    Capitals,
}

/// <summary>
/// One blank of <see cref="ModelContract"/> on the contract form: the input's name (the <see cref="ContractForm"/>
/// property it posts to), its accessible label and its width. The sentence around it comes from the model contract.
/// </summary>
public sealed record FormBlank(BlankKind Kind, string Name, string Label, string Size = "m", string Type = "text", string? InputMode = null, int MaxLength = 30)
{
    public IReadOnlyList<(string Value, string Text)> Options { get; init; } = [];
}

public static class ContractFormBlanks
{
    private const int MoneyLength = 22;

    private static readonly (string, string)[] YesNo = [("true", "是"), ("false", "否")];

    /// <summary>The blank of <paramref name="slot"/> on the form.</summary>
    public static FormBlank For(ContractSlot slot)
    {
        if (ContractValues.IsHomeFact(slot))
        {
            return new FormBlank(BlankKind.Fact, slot.ToString(), string.Empty);
        }

        return slot switch
        {
            ContractSlot.SellerAgentName => new(BlankKind.Text, "SellerAgentName", "甲方委托代理人姓名", MaxLength: 50),
            ContractSlot.SellerAgentIdNumber => new(BlankKind.Text, "SellerAgentIdNumber", "甲方委托代理人证件号码", "l", MaxLength: 64),
            ContractSlot.BuyerAgentName => new(BlankKind.Text, "BuyerAgentName", "乙方委托代理人姓名", MaxLength: 50),
            ContractSlot.BuyerAgentIdNumber => new(BlankKind.Text, "BuyerAgentIdNumber", "乙方委托代理人证件号码", "l", MaxLength: 64),
            ContractSlot.AttachedFacilities => new(BlankKind.Area, "AttachedFacilities", "随房屋一并转让的附属设施（如车位、储藏室、家具家电，没有可不填）", MaxLength: ContractTerms.MaxFreeTextLength),
            ContractSlot.Price => Money("Price", "成交价格（元）", "l"),
            ContractSlot.PriceInCapitals => new(BlankKind.Capitals, "PriceInCapitals", "成交价格（大写）"),
            ContractSlot.DecorationAmount => Money("DecorationAmount", "装修及附属设施作价（元）"),
            ContractSlot.PaymentMethod => Choice("PaymentMethod", "付款方式", Enum.GetValues<PaymentMethod>().Select(m => (m.ToString(), m.DisplayName()))),
            ContractSlot.FundsThroughEscrow => Choice("FundsThroughEscrow", "房价款是否存入资金监管账户", YesNo),
            ContractSlot.DepositDueOn => Date("DepositDueOn", "定金支付日期"),
            ContractSlot.Deposit => Money("Deposit", "定金（元）"),
            ContractSlot.DeliveryDate => Date("DeliveryDate", "房屋交付日期"),
            ContractSlot.DeliveryConditions => new(BlankKind.Area, "DeliveryConditions", "交付的其他条件（没有可不填）", MaxLength: ContractTerms.MaxFreeTextLength),
            ContractSlot.TaxBearer => Choice("TaxBearer", "税费承担方式", Enum.GetValues<TaxBearer>().Select(t => (t.ToString(), t.DisplayName()))),
            ContractSlot.HukouMoveOutDays => Whole("HukouMoveOutDays", "户口迁出期限（天）", 6),
            ContractSlot.HukouDailyPenalty => Money("HukouDailyPenalty", "逾期迁出户口的每日违约金（元）"),
            ContractSlot.LatePaymentDailyRate => Rate("LatePaymentDailyRate", "逾期付款每日违约金比例（万分之几）"),
            ContractSlot.LateDeliveryDailyRate => Rate("LateDeliveryDailyRate", "逾期交房每日违约金比例（万分之几）"),
            ContractSlot.TerminationAfterDays => Whole("TerminationAfterDays", "可解除合同的逾期天数", 6),
            ContractSlot.DisputeResolution => Choice("DisputeResolution", "争议解决方式", Enum.GetValues<DisputeResolution>().Select(d => (d.ToString(), d.DisplayName()))),
            ContractSlot.ArbitrationCommission => new(BlankKind.Text, "ArbitrationCommission", "仲裁委员会名称", "l", MaxLength: 100),
            ContractSlot.Copies => Whole("Copies", "合同份数", 3),
            _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Every blank of the model contract has a place on the form."),
        };
    }

    /// <summary>What the form says under an article, about filling it in; null when nothing needs saying.</summary>
    public static string? HintFor(int articleNumber, bool editable) => (articleNumber, editable) switch
    {
        (0, true) => "没有委托代理人的，代理人姓名和证件号码可不填。",
        (1, _) => "房屋坐落、结构、面积、楼层、设计用途和证书信息来自不动产登记记录，如与证书不符，请联系不动产登记部门核实，不能在本页修改。",
        (2, true) => "大写金额由系统根据小写金额自动生成，无需填写；装修及附属设施没有单独作价的可不填。",
        (3, true) => "分期付款、贷款或组合贷款必须填写付款计划；各期金额之和应等于成交价格；不用的行留空即可。",
        (4, true) => "不约定定金的，本条可不填。",
        (9, true) => "选择向人民法院起诉的，仲裁机构不填。",
        (11, true) => "每行为一段，没有其他约定可不填。",
        _ => null,
    };

    private static FormBlank Money(string name, string label, string size = "m") =>
        new(BlankKind.Text, name, label, size, InputMode: "decimal", MaxLength: MoneyLength);

    private static FormBlank Rate(string name, string label) => new(BlankKind.Text, name, label, "s", InputMode: "decimal", MaxLength: 10);

    private static FormBlank Whole(string name, string label, int maxLength) =>
        new(BlankKind.Text, name, label, "s", InputMode: "numeric", MaxLength: maxLength);

    private static FormBlank Date(string name, string label) => new(BlankKind.Text, name, label, "l", Type: "date", MaxLength: 20);

    private static FormBlank Choice(string name, string label, IEnumerable<(string, string)> options) =>
        new(BlankKind.Choice, name, label, "l") { Options = [.. options] };
}
