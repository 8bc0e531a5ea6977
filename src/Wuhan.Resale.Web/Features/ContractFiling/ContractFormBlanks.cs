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

    /// <summary>Worked out from other choices (who holds a copy): shown, never typed in.</summary>
    Derived,
}

/// <summary>
/// One blank of <see cref="ModelContract"/> on the contract form: the input's name (the <see cref="ContractForm"/>
/// property it posts to), its accessible label and its width. The sentence around it comes from the model contract.
/// </summary>
public sealed record FormBlank(BlankKind Kind, string Name, string Label, string Size = "m", string Type = "text", string? InputMode = null, int MaxLength = 30)
{
    public IReadOnlyList<(string Value, string Text)> Options { get; init; } = [];

    /// <summary>Values people commonly agree, offered in a list and a hint; any other value may be typed.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>An amount in yuan: shown with thousands separators and a 万元 reading.</summary>
    public bool IsMoney { get; init; }

    /// <summary>
    /// When the blank applies: the input named here must hold one of <see cref="WhenValues"/>. Null: always.
    /// The server renders the blank hidden otherwise (unless it holds a value or an error); the page's script shows and
    /// hides it as the choice changes.
    /// </summary>
    public string? WhenInput { get; init; }

    public IReadOnlyList<string> WhenValues { get; init; } = [];

    /// <summary>What stands in place of the blank while it does not apply.</summary>
    public string? WhenNotApplicable { get; init; }
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
            ContractSlot.SellerServiceAddress => new(BlankKind.Text, "SellerServiceAddress", "甲方送达地址", "xl", MaxLength: ContractCompleteness.MaxAddressLength),
            ContractSlot.BuyerServiceAddress => new(BlankKind.Text, "BuyerServiceAddress", "乙方送达地址", "xl", MaxLength: ContractCompleteness.MaxAddressLength),
            ContractSlot.IsLet => Choice("IsLet", "房屋目前是否已出租", YesNo),
            ContractSlot.LeaseEndsOn => Date("LeaseEndsOn", "租赁期限届满日期") with { WhenInput = "IsLet", WhenValues = ["true"], WhenNotApplicable = "（已出租时填写）" },
            ContractSlot.LeaseHandling => Choice("LeaseHandling", "租赁如何处理", Enum.GetValues<LeaseHandling>().Select(h => (h.ToString(), h.DisplayName())))
                with { WhenInput = "IsLet", WhenValues = ["true"], WhenNotApplicable = "（已出租时选择）" },
            ContractSlot.LoanRefusal => Choice("LoanRefusal", "贷款未获批准时的处理", Enum.GetValues<LoanRefusalRemedy>().Select(r => (r.ToString(), r.DisplayName())))
                with { WhenInput = "PaymentMethod", WhenValues = [.. Enum.GetValues<PaymentMethod>().Where(m => m.IsLoan()).Select(m => m.ToString())], WhenNotApplicable = "（以贷款付款时选择）" },
            ContractSlot.DepositCountsTowardPrice => Choice("DepositCountsTowardPrice", "定金是否抵作房价款",
                [("true", ContractTermNames.DepositHandlingName(true)), ("false", ContractTermNames.DepositHandlingName(false))]),
            ContractSlot.UtilitiesTransferDays => Whole("UtilitiesTransferDays", "交付后办理物业、水电气户名变更的期限（日）", 4) with { Suggestions = ["7", "15", "30"] },
            ContractSlot.MaintenanceFund => Choice("MaintenanceFund", "专项维修资金的处理", Enum.GetValues<MaintenanceFundHandling>().Select(m => (m.ToString(), m.DisplayName()))),
            ContractSlot.TransferRegistrationWithinDays => Whole("TransferRegistrationWithinDays", "网签后申请转移登记的期限（日）", 4) with { Suggestions = ["30", "60", "90"] },
            ContractSlot.CopyHolders => new(BlankKind.Derived, "CopyHolders", "持有合同的各方"),
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
            ContractSlot.HukouMoveOutDays => Whole("HukouMoveOutDays", "户口迁出期限（天）", 6) with { Suggestions = ["30", "60", "90"] },
            ContractSlot.HukouDailyPenalty => Money("HukouDailyPenalty", "逾期迁出户口的每日违约金（元）") with { Suggestions = ["50", "100", "200"] },
            ContractSlot.LatePaymentDailyRate => Rate("LatePaymentDailyRate", "逾期付款每日违约金比例（万分之几）") with { Suggestions = ["3", "5"] },
            ContractSlot.LateDeliveryDailyRate => Rate("LateDeliveryDailyRate", "逾期交房每日违约金比例（万分之几）") with { Suggestions = ["3", "5"] },
            ContractSlot.TerminationAfterDays => Whole("TerminationAfterDays", "可解除合同的逾期天数", 6) with { Suggestions = ["15", "30", "60"] },
            ContractSlot.DisputeResolution => Choice("DisputeResolution", "争议解决方式", Enum.GetValues<DisputeResolution>().Select(d => (d.ToString(), d.DisplayName()))),
            ContractSlot.ArbitrationCommission => new FormBlank(BlankKind.Text, "ArbitrationCommission", "仲裁委员会名称", "l", MaxLength: 100)
            {
                Suggestions = ["武汉仲裁委员会"],
                WhenInput = "DisputeResolution",
                WhenValues = [nameof(DisputeResolution.Arbitration)],
                WhenNotApplicable = "（选择仲裁时填写）",
            },
            ContractSlot.Copies => Whole("Copies", "合同份数", 3),
            ContractSlot.MortgageTransfer => new(BlankKind.Derived, "MortgageTransfer", "是否带押过户"),
            ContractSlot.MortgageeName => new(BlankKind.Derived, "MortgageeName", "抵押权人"),
            ContractSlot.OutstandingLoan => new(BlankKind.Derived, "OutstandingLoan", "贷款未还金额"),
            _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Every blank of the model contract has a place on the form."),
        };
    }

    /// <summary>The input for a 第一条 fact the registry lacks (卖方填报); null for a fact the seller may not supply.</summary>
    public static FormBlank? SuppliedFor(ContractSlot slot) => slot switch
    {
        ContractSlot.Structure => new(BlankKind.Text, "SuppliedStructure", "房屋结构（卖方填报，如钢筋混凝土、混合、砖混）", MaxLength: SuppliedHomeFacts.MaxTextLength),
        ContractSlot.LandArea => new(BlankKind.Text, "SuppliedLandArea", "分摊土地面积（卖方填报，平方米）", "s", InputMode: "decimal", MaxLength: 12),
        ContractSlot.CertificateIssuedOn => Date("SuppliedCertificateIssuedOn", "证书填发日期（卖方填报）"),
        ContractSlot.Floor => Whole("SuppliedFloor", "所在层次（卖方填报）", 4),
        ContractSlot.TotalFloors => Whole("SuppliedTotalFloors", "地上总层数（卖方填报）", 4),
        ContractSlot.RoomType => new(BlankKind.Text, "SuppliedRoomType", "房型（卖方填报，如三室两厅，没有可不填）", MaxLength: SuppliedHomeFacts.MaxTextLength),
        _ => null,
    };

    private static FormBlank Money(string name, string label, string size = "m") =>
        new(BlankKind.Text, name, label, size, InputMode: "decimal", MaxLength: MoneyLength) { IsMoney = true };

    private static FormBlank Rate(string name, string label) => new(BlankKind.Text, name, label, "s", InputMode: "decimal", MaxLength: 10);

    private static FormBlank Whole(string name, string label, int maxLength) =>
        new(BlankKind.Text, name, label, "s", InputMode: "numeric", MaxLength: maxLength);

    private static FormBlank Date(string name, string label) => new(BlankKind.Text, name, label, "l", Type: "date", MaxLength: 20);

    private static FormBlank Choice(string name, string label, IEnumerable<(string, string)> options) =>
        new(BlankKind.Choice, name, label, "l") { Options = [.. options] };
}
