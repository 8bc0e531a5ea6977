using System.Text;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Testing;

/// <summary>
/// A typical filed contract as the PDF renderer receives it: two co-owners sell to a couple (a buyer agent acts for
/// them), with a long 第十一条 — three pages by default. Written by hand rather than through
/// <see cref="ContractDocumentFactory"/>, so the PDF tests and the benchmark measure the renderer alone. Linked into the
/// integration tests and the benchmark (see their .csproj).
/// </summary>
internal static class ContractDocumentSamples
{
    public const string ContractNumber = "武房2026000123";

    private static readonly string[] BuyerNames = ["陈思远", "刘雨桐", "欧阳靖宇", "赵一鸣", "孙婧", "周子涵"];

    private static readonly string[] OtherTermsSentences =
    [
        "甲方承诺在交房前自行拆除阳台上加装的不锈钢晾衣架，并修补拆除后墙面留下的孔洞。",
        "厨房内的燃气灶、抽油烟机和客厅两台空调随房屋一并交付，不另行计价，甲方不得拆走或调换。",
        "甲方应在签订本合同后七日内向乙方提供房屋原购房合同、契税完税凭证及物业管理费缴清证明的复印件。",
        "乙方申请商业贷款的，甲方应配合提供银行要求的材料；因乙方自身原因贷款未获批准的，乙方应在十五日内以其他方式付清余款。",
        "双方约定共同委托武汉市某公证处对交付时的水、电、燃气表读数进行记录，费用由双方平均承担。",
        "交付前如房屋因甲方原因发生渗漏、管道堵塞等问题，由甲方负责修复；交付后发生的，由乙方自行处理。",
        "本房屋原有的有线电视、宽带账户由甲方在交付前办理注销或过户手续，因此产生的费用由甲方承担。",
        "任何一方变更联系电话或通讯地址的，应在变更后三日内书面通知对方，否则按原地址送达的文件视为已经送达。",
    ];

    /// <summary>
    /// Every optional part of the contract filled in: both agents, an installment schedule, escrow, decoration amount,
    /// deposit, arbitration and several paragraphs of 第十一条.
    /// </summary>
    public static ContractDocument Full() => Typical(otherTermsLength: 300) with
    {
        SellerAgent = new ContractAgent("何静怡", "420106197905052228"),
        Home = Typical().Home with { LandCertificateNumber = "武国用（2005）第012345号" },
    };

    /// <summary>The typical contract before filing: no number, no filing date, no QR code.</summary>
    public static ContractDocument Draft() =>
        Typical() with { ContractNumber = null, FiledAt = null, VerificationUrl = null, Status = ContractDocumentFactory.DraftStatus };

    /// <param name="buyers">How many buyers (1 to 6); the second holds a passport.</param>
    /// <param name="otherTermsLength">The least length of 第十一条, in characters: numbered sentences, one a line.</param>
    public static ContractDocument Typical(int buyers = 2, int otherTermsLength = 1200)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(buyers, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(buyers, BuyerNames.Length);
        var otherTerms = new StringBuilder();
        for (var i = 0; otherTerms.Length < otherTermsLength; i++)
        {
            otherTerms.Append(i + 1).Append(". ").Append(OtherTermsSentences[i % OtherTermsSentences.Length]).Append('\n');
        }

        return new ContractDocument
        {
            ContractNumber = ContractNumber,
            FiledAt = new DateTimeOffset(2026, 3, 1, 17, 30, 0, TimeSpan.Zero),
            Status = "有效",
            VerificationUrl = "https://wsfw.example.gov.cn/verify/5QmXb7kT2pR9vLw3nZcY8aHd",
            Home = new ContractHome
            {
                Location = "武汉市江汉区新华路街道建设大道568号金都花园7栋2单元1502室",
                DistrictName = "江汉区",
                Structure = "钢筋混凝土结构",
                BuildingArea = "89.56",
                LandArea = "12.31",
                CertificateNumber = "鄂（2019）武汉市江汉不动产权第0012345号",
                LandCertificateNumber = null,
                CertificateIssuedOn = new DateOnly(2019, 6, 18),
                Floor = 15,
                TotalFloors = 32,
                DesignPurpose = "住宅",
                RoomType = "三室两厅",
                AttachedFacilities = "地下车库车位一个（编号B2-117），储藏室一间",
            },
            Parties =
            [
                new(ContractDocumentParty.SellerRole, "张晓燕", "居民身份证", "420102198003154527", "13871234567", "50%"),
                new(ContractDocumentParty.SellerRole, "李赟", "居民身份证", "42010319781122391X", "13907162345", "50%"),
                .. BuyerNames.Take(buyers).Select((name, i) => new ContractDocumentParty(
                    ContractDocumentParty.BuyerRole, name, i == 1 ? "护照" : "居民身份证", i == 1 ? "E12345678" : $"42010619900{i + 1}0112{i}3", $"1358000{i:0000}", null)),
            ],
            SellerAgent = null,
            BuyerAgent = new ContractAgent("王堃", "420111198507070036"),
            SellerServiceAddress = "武汉市江汉区新华路街道建设大道568号金都花园7栋2单元1502室",
            BuyerServiceAddress = "武汉市洪山区珞喻路1037号东湖花园3栋801室",
            Lease = new ContractLease
            {
                IsLet = true,
                EndsOn = new DateOnly(2026, 5, 15),
                HandlingName = LeaseHandling.EndedBeforeDelivery.DisplayName(),
            },
            Price = new ContractPrice { Figures = "1,280,000.00", Capitals = "壹佰贰拾捌万元整", DecorationAmount = "80,000.00" },
            Payment = new ContractPayment
            {
                MethodName = "商业贷款",
                ThroughEscrow = true,
                Schedule =
                [
                    new(new DateOnly(2026, 3, 10), "380,000.00", "首付款，存入交易资金监管账户"),
                    new(new DateOnly(2026, 4, 30), "900,000.00", "商业贷款，由贷款银行直接划入监管账户"),
                ],
                Deposit = "50,000.00",
                DepositDueOn = new DateOnly(2026, 3, 5),
                DepositHandlingName = ContractTermNames.DepositHandlingName(false),
                LoanRefusalName = LoanRefusalRemedy.TerminateAndRefund.DisplayName(),
            },
            Delivery = new ContractDelivery
            {
                Date = new DateOnly(2026, 5, 31),
                Conditions = "结清物业、水电燃气费用，户口迁出后交付钥匙",
                UtilitiesTransferDays = 15,
                MaintenanceFundName = MaintenanceFundHandling.IncludedInPrice.DisplayName(),
            },
            Obligations = new ContractObligations
            {
                TransferRegistrationWithinDays = 60,
                TaxBearerName = "按国家有关规定由甲、乙双方各自承担",
                HukouMoveOutDays = 30,
                HukouDailyPenalty = "200.00",
                LatePaymentDailyRate = "5",
                LateDeliveryDailyRate = "5",
                TerminationAfterDays = 30,
                ToCourt = false,
                ArbitrationCommission = "武汉仲裁委员会",
            },
            Copies = 5,
            CopyHolders = "甲方、乙方、不动产登记机构、资金监管机构、贷款银行",
            OtherTerms = otherTerms.ToString().TrimEnd(),
        };
    }
}
