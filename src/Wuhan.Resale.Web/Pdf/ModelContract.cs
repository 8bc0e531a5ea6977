namespace Wuhan.Resale.Web.Pdf;

/// <summary>
/// The one text of the 武汉市存量房买卖合同: every heading and sentence the contract form, the read-only contract page and
/// the PDF show. Each renderer walks <see cref="Articles"/>; none of them writes a sentence of its own, so the form a
/// seller fills in and the PDF the bureau keeps cannot say different things. The wording is this portal's own.
/// </summary>
public static class ModelContract
{
    public const string Title = "武汉市存量房买卖合同";

    /// <summary>What the contract number and filing date read before the contract is filed.</summary>
    public const string NotYetFiled = "网签申报后生成";

    public const string SignaturesHeading = "签署";

    public const string SignaturesNote = "（以下无正文。各方通过网签系统以短信验证码确认本合同；纸质文本由各方在下列位置签字或盖章。）";

    /// <summary>The columns of the parties table; the read-only page masks 证件号码 and 联系电话.</summary>
    public static readonly IReadOnlyList<string> PartyColumns = ["身份", "姓名", "证件类型", "证件号码", "联系电话", "产权份额"];

    /// <summary>The columns of the payment schedule.</summary>
    public static readonly IReadOnlyList<string> ScheduleColumns = ["期次", "付款期限", "金额（元）", "说明"];

    /// <summary>The parties section, then 第一条 to 第十一条, in order.</summary>
    public static readonly IReadOnlyList<ContractArticle> Articles =
    [
        new(0, "合同当事人", "parties",
        [
            new PartiesBlock(),
            P(T("甲方委托代理人："), B(ContractSlot.SellerAgentName), T("，证件号码："), B(ContractSlot.SellerAgentIdNumber), T("。")),
            P(T("乙方委托代理人："), B(ContractSlot.BuyerAgentName), T("，证件号码："), B(ContractSlot.BuyerAgentIdNumber), T("。")),
            P(T("房屋有共有人的，全体共有人均列为甲方，共同享有本合同约定的权利并承担本合同约定的义务。")),
            P(T("双方确认下列地址为接收本合同有关通知、文书的送达地址：甲方"), B(ContractSlot.SellerServiceAddress), T("；乙方"),
                B(ContractSlot.BuyerServiceAddress), T("。一方送达地址变更的，应在变更之日起三日内书面告知对方；未告知的，寄往原地址即视为送达。")),
            P(T("甲、乙双方依照《中华人民共和国民法典》《中华人民共和国城市房地产管理法》和武汉市存量房交易管理的有关规定，本着平等、"
                + "自愿、公平、诚实信用的原则，就乙方购买甲方房屋的事宜协商一致，订立本合同，共同遵守。")),
        ]),
        new(1, "房屋基本情况", "article-1",
        [
            new ContractParagraph(
                [
                    T("甲方自愿将其坐落于"), B(ContractSlot.Location), T("的房屋（以下简称“该房屋”）出售给乙方。该房屋位于"),
                    B(ContractSlot.DistrictName), T("，房屋结构为"), B(ContractSlot.Structure), T("，建筑面积"), B(ContractSlot.BuildingArea, "平方米"),
                    T("，分摊土地面积"), B(ContractSlot.LandArea, "平方米"), T("；所在层次为第"), B(ContractSlot.Floor, "层"), T("，地上总层数"),
                    B(ContractSlot.TotalFloors, "层"), T("；设计用途为"), B(ContractSlot.DesignPurpose), T("，房型为"), B(ContractSlot.RoomType), T("。"),
                    T("该房屋的不动产权证书（房屋所有权证）号为"), B(ContractSlot.CertificateNumber), T("，土地使用权证号为"),
                    B(ContractSlot.LandCertificateNumber), T("，证书填发日期为"), B(ContractSlot.CertificateIssuedOn), T("。"),
                ],
                Anchor: "home-facts"),
            P(T("上述事项中注明“" + SuppliedMark + "”的，不动产登记记录中没有该项，由甲方按其持有的权属证书填写，甲方对其真实性负责。")),
            P(T("随该房屋一并转让的附属设施："), B(ContractSlot.AttachedFacilities), T("。")),
            P(T("该房屋目前是否已出租："), B(ContractSlot.IsLet), T("。已出租的，甲方保证承租人已书面放弃优先购买权；租赁期限至"),
                B(ContractSlot.LeaseEndsOn), T("届满，双方约定："), B(ContractSlot.LeaseHandling), T("。")),
            P(T("甲方保证对该房屋依法享有处分权，该房屋在本合同申报时未被查封、未设立抵押，也不存在异议登记、预告登记等限制转让的情形；"
                + "房屋有共有人的，全体共有人均同意出售。因甲方隐瞒上述情况给乙方造成损失的，由甲方承担赔偿责任。")),
        ]),
        new(2, "成交价格", "article-2",
        [
            P(T("经双方协商，该房屋成交总价为人民币（小写）"), B(ContractSlot.Price, "元"), T("，（大写）"), B(ContractSlot.PriceInCapitals), T("。")),
            P(T("其中，装饰装修及附属设施的价款为人民币"), B(ContractSlot.DecorationAmount, "元"), T("。")),
            P(T("上述价格为双方真实成交价格，双方不得另行签订与本合同价格不一致的协议。")),
        ]),
        new(3, "付款方式及期限", "article-3",
        [
            P(T("乙方采用"), B(ContractSlot.PaymentMethod), T("的方式支付房价款。房价款是否存入存量房交易资金监管账户："),
                B(ContractSlot.FundsThroughEscrow), T("。")),
            new ScheduleBlock(
                "乙方按下列计划向甲方支付房价款；定金抵作房价款的，各期金额与定金之和等于成交价格，否则各期金额之和等于成交价格：",
                "双方未约定分期付款计划，乙方应按前款约定的方式付清全部房价款。"),
            P(T("乙方以贷款方式支付部分房价款的，贷款申请未获批准或批准金额不足时："), B(ContractSlot.LoanRefusal), T("。")),
            P(T("该房屋是否带押过户（房屋设有抵押，经抵押权人同意，不先还清贷款即办理转移登记）："), B(ContractSlot.MortgageTransfer),
                T("。带押过户的，抵押权人为"), B(ContractSlot.MortgageeName), T("，甲方尚欠该抵押贷款"), B(ContractSlot.OutstandingLoan),
                T("；成交价格不得低于该金额，房价款必须全部存入资金监管账户，监管资金首先用于清偿上述贷款并注销抵押，余款再划转甲方。")),
        ]),
        new(4, "定金", "article-4",
        [
            P(T("乙方应于"), B(ContractSlot.DepositDueOn), T("前向甲方支付定金人民币"), B(ContractSlot.Deposit, "元"),
                T("，定金不超过成交价格的百分之二十。该定金"), B(ContractSlot.DepositCountsTowardPrice), T("。")),
            P(T("甲方违约不出售该房屋的，应向乙方双倍返还定金；乙方违约不购买该房屋的，无权要求甲方返还定金。")),
        ]),
        new(5, "房屋交付", "article-5",
        [
            P(T("甲方应于"), B(ContractSlot.DeliveryDate), T("前将该房屋交付乙方，交付的其他条件为："), B(ContractSlot.DeliveryConditions), T("。")),
            P(T("交付时，双方共同查验房屋及附属设施，抄录水、电、燃气表读数，并结清交付之日前发生的水、电、燃气、通信、物业管理等费用；"
                + "交付后发生的费用由乙方承担。甲方应在交付之日起"), B(ContractSlot.UtilitiesTransferDays, "日"),
                T("内协助乙方办理物业、水、电、燃气等户名变更手续。")),
            P(T("该房屋的专项维修资金"), B(ContractSlot.MaintenanceFund), T("。")),
        ]),
        new(6, "转移登记与税费", "article-6",
        [
            P(T("双方应在本合同网签之日起"), B(ContractSlot.TransferRegistrationWithinDays, "日"),
                T("内，共同向不动产登记机构申请办理该房屋的转移登记；一方不配合的，按本合同第八条逾期的约定承担责任。")),
            P(T("办理该房屋交易和转移登记所产生的税费，"), B(ContractSlot.TaxBearer), T("。")),
        ]),
        new(7, "户口迁出", "article-7",
        [
            P(T("该房屋地址上登记有户口的，甲方应在该房屋转移登记完成之日起"), B(ContractSlot.HukouMoveOutDays, "日"),
                T("内将户口全部迁出。逾期未迁出的，每逾期一日，甲方应向乙方支付违约金人民币"), B(ContractSlot.HukouDailyPenalty, "元"), T("。")),
        ]),
        new(8, "违约责任", "article-8",
        [
            P(T("（一）乙方未按本合同约定的期限付款的，每逾期一日，按逾期未付金额的"), B(ContractSlot.LatePaymentDailyRate, prefix: "万分之"),
                T("向甲方支付违约金。")),
            P(T("（二）甲方未按本合同约定的期限交付房屋的，每逾期一日，按乙方已付房价款的"), B(ContractSlot.LateDeliveryDailyRate, prefix: "万分之"),
                T("向乙方支付违约金。")),
            P(T("（三）任何一方逾期超过"), B(ContractSlot.TerminationAfterDays, "日"),
                T("的，守约方有权书面通知对方解除本合同；违约方除支付违约金外，还应赔偿对方因此遭受的实际损失。")),
        ]),
        new(9, "争议解决", "article-9",
        [
            P(T("因履行本合同发生的争议，双方应当协商解决；协商不成的，"), B(ContractSlot.DisputeResolution), T("。")),
            P(T("选择仲裁的，仲裁机构为"), B(ContractSlot.ArbitrationCommission), T("。")),
        ]),
        new(10, "合同生效", "article-10",
        [
            P(T("本合同自甲、乙双方（含全体共有人）在武汉市存量房网签系统中逐一确认，且网签申报被受理之日起生效；"
                + "网签系统生成的合同编号为本合同的唯一编号。")),
            P(T("本合同一式"), B(ContractSlot.Copies, "份"), T("，由"), B(ContractSlot.CopyHolders), T("各执一份，各份具有同等法律效力。"
                + "合同内容以网签系统的记录为准，可通过网签系统的合同验真功能核验。")),
        ]),
        new(11, "其他约定", "article-11",
        [
            new OtherTermsBlock(),
            P(T("本合同未尽事宜，双方可另行签订补充协议，补充协议与本合同具有同等效力。")),
        ]),
    ];

    /// <summary>How a 第一条 fact the seller supplied (the registry has none) is marked wherever it is shown.</summary>
    public const string SuppliedMark = "卖方填报";

    /// <summary>"第一条" … "第十一条"; the parties section has no number.</summary>
    public static string NumberText(int number) => number switch
    {
        <= 0 => string.Empty,
        < 10 => "第" + Digits[number] + "条",
        10 => "第十条",
        < 20 => "第十" + Digits[number - 10] + "条",
        _ => throw new ArgumentOutOfRangeException(nameof(number)),
    };

    private static readonly string[] Digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    private static ContractParagraph P(params ContractPart[] parts) => new(parts);

    private static ContractText T(string text) => new(text);

    private static ContractBlank B(ContractSlot slot, string? unit = null, string? prefix = null) => new(slot, unit, prefix);
}

/// <summary>One article: 第N条 with its heading, or the unnumbered parties section (number 0).</summary>
/// <param name="Anchor">The HTML id of its heading, e.g. article-3.</param>
public sealed record ContractArticle(int Number, string Title, string Anchor, IReadOnlyList<ContractBlock> Blocks)
{
    /// <summary>"第三条 付款方式及期限", or the title alone for the parties section.</summary>
    public string Heading => Number > 0 ? ModelContract.NumberText(Number) + " " + Title : Title;

    public IEnumerable<ContractParagraph> Paragraphs => Blocks.OfType<ContractParagraph>();
}

/// <summary>A part of an article: running text, or a special block each renderer draws its own way.</summary>
public abstract record ContractBlock;

/// <summary>A paragraph of fixed wording with blanks in it.</summary>
/// <param name="Anchor">An HTML id for the paragraph, when a page links to it.</param>
public sealed record ContractParagraph(IReadOnlyList<ContractPart> Parts, string? Anchor = null) : ContractBlock
{
    public IEnumerable<ContractSlot> Slots => Parts.OfType<ContractBlank>().Select(b => b.Slot);
}

/// <summary>The parties: seller and buyer names and the table of every party.</summary>
public sealed record PartiesBlock : ContractBlock;

/// <summary>The payment schedule table; <paramref name="WhenEmpty"/> stands in its place when there is none.</summary>
public sealed record ScheduleBlock(string Intro, string WhenEmpty) : ContractBlock;

/// <summary>第十一条's free text, one paragraph per line; "无" when there is none.</summary>
public sealed record OtherTermsBlock : ContractBlock;

public abstract record ContractPart;

public sealed record ContractText(string Text) : ContractPart;

/// <summary>A blank; <paramref name="Unit"/> follows its value and <paramref name="Prefix"/> precedes it (万分之), inside the box on the form.</summary>
public sealed record ContractBlank(ContractSlot Slot, string? Unit = null, string? Prefix = null) : ContractPart;

/// <summary>The blanks of the model contract. Home facts come from the registry; the rest the parties agree.</summary>
public enum ContractSlot
{
    SellerAgentName,
    SellerAgentIdNumber,
    BuyerAgentName,
    BuyerAgentIdNumber,
    SellerServiceAddress,
    BuyerServiceAddress,
    // Location … CertificateIssuedOn: the home facts, kept together (ContractValues.IsHomeFact).
    Location,
    DistrictName,
    Structure,
    BuildingArea,
    LandArea,
    Floor,
    TotalFloors,
    DesignPurpose,
    RoomType,
    CertificateNumber,
    LandCertificateNumber,
    CertificateIssuedOn,
    AttachedFacilities,
    IsLet,
    LeaseEndsOn,
    LeaseHandling,
    Price,
    PriceInCapitals,
    DecorationAmount,
    PaymentMethod,
    FundsThroughEscrow,
    LoanRefusal,
    DepositDueOn,
    Deposit,
    DepositCountsTowardPrice,
    DeliveryDate,
    DeliveryConditions,
    UtilitiesTransferDays,
    MaintenanceFund,
    TransferRegistrationWithinDays,
    TaxBearer,
    HukouMoveOutDays,
    HukouDailyPenalty,
    LatePaymentDailyRate,
    LateDeliveryDailyRate,
    TerminationAfterDays,
    DisputeResolution,
    ArbitrationCommission,
    Copies,

    /// <summary>Who holds a copy: worked out from the terms (<see cref="Domain.Contracts.ContractTermNames.CopyHolders"/>).</summary>
    CopyHolders,

    /// <summary>带押过户 是/否, the mortgagee and the outstanding loan: from the bank's consent, never typed.</summary>
    MortgageTransfer,
    MortgageeName,
    OutstandingLoan,
}
