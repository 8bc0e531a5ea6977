using System.Text;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Benchmarks;

/// <summary>A typical filed contract as the PDF renderer receives it.</summary>
internal static class SampleContract
{
    private static readonly string[] OtherTerms =
    [
        "甲方在交房前拆除阳台外挂的晾衣架，并把墙面孔洞修补平整。",
        "客厅和主卧的两台空调、厨房的燃气灶和油烟机随房交付，不另计价。",
        "甲方在签约后七日内提供原购房合同、契税完税凭证和物业费结清证明的复印件。",
        "乙方办理商业贷款的，甲方配合提供银行所需材料；因乙方自身原因未获贷款的，乙方在十五日内以其他方式付清余款。",
        "交付当日双方共同抄录水、电、燃气表读数，并在交接单上签字确认。",
        "交付前因甲方原因出现的渗漏、堵塞由甲方修复；交付后出现的由乙方自行处理。",
        "有线电视和宽带账户由甲方在交付前注销或过户，所需费用由甲方承担。",
        "一方变更联系电话或地址的，在三日内书面告知对方；未告知的，按原地址送达即视为送达。",
    ];

    public static ContractDocument Typical()
    {
        var otherTerms = new StringBuilder();
        for (var i = 0; otherTerms.Length < 500; i++)
        {
            otherTerms.Append(i + 1).Append(". ").Append(OtherTerms[i % OtherTerms.Length]).Append('\n');
        }

        return new ContractDocument
        {
            ContractNumber = "WF2026000456",
            FiledAt = new DateTimeOffset(2026, 3, 2, 9, 15, 0, TimeSpan.FromHours(8)),
            Status = "有效",
            VerificationUrl = "https://wsfw.example.gov.cn/verify/Hk3v9QpX2mLr7TbZc4Yd8NwA",
            Home = new ContractHome
            {
                Location = "武汉市武昌区中北路街道中北路166号楚天花园3栋1单元902室",
                DistrictName = "武昌区",
                Structure = "钢筋混凝土结构",
                BuildingArea = "112.40",
                LandArea = "15.02",
                CertificateNumber = "鄂（2018）武汉市武昌不动产权第0067890号",
                CertificateIssuedOn = new DateOnly(2018, 9, 3),
                Floor = 9,
                TotalFloors = 26,
                DesignPurpose = "住宅",
                RoomType = "三室两厅",
                AttachedFacilities = "地下车位一个（编号B1-052）",
            },
            Parties =
            [
                new(ContractDocumentParty.SellerRole, "周建国", "居民身份证", "420106197205183317", "13871110001", "60%"),
                new(ContractDocumentParty.SellerRole, "吴秀兰", "居民身份证", "420106197408226526", "13871110002", "40%"),
                new(ContractDocumentParty.BuyerRole, "郑明轩", "居民身份证", "420111199103047712", "13971110003", null),
                new(ContractDocumentParty.BuyerRole, "何佳怡", "居民身份证", "420111199305121845", "13971110004", null),
            ],
            Price = new ContractPrice { Figures = "1,650,000.00", Capitals = "壹佰陆拾伍万元整", DecorationAmount = "100,000.00" },
            Payment = new ContractPayment
            {
                MethodName = "组合贷款",
                ThroughEscrow = true,
                Schedule =
                [
                    new(new DateOnly(2026, 3, 12), "500,000.00", "首付款"),
                    new(new DateOnly(2026, 5, 8), "1,150,000.00", "商业贷款与公积金贷款"),
                ],
                Deposit = "60,000.00",
                DepositDueOn = new DateOnly(2026, 3, 6),
            },
            Delivery = new ContractDelivery { Date = new DateOnly(2026, 6, 15), Conditions = "结清各项费用并迁出户口后交付钥匙" },
            Obligations = new ContractObligations
            {
                TaxBearerName = "按国家有关规定由甲、乙双方各自承担",
                HukouMoveOutDays = 30,
                HukouDailyPenalty = "100.00",
                LatePaymentDailyRate = "5",
                LateDeliveryDailyRate = "5",
                TerminationAfterDays = 30,
                ToCourt = true,
            },
            Copies = 4,
            OtherTerms = otherTerms.ToString().TrimEnd(),
        };
    }
}
