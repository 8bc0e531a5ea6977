using Wuhan.Resale.Web.Pdf.Layout;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>
/// The 武汉市存量房买卖合同 text, article by article, laid out as rows. The wording is this portal's own; every value
/// taken from the filing is underlined.
/// </summary>
internal static partial class ContractComposer
{
    private const double Indent = 21;
    private const double ParagraphGap = 3;
    private const double HeadingGap = 10;

    public static void Compose(ContractDocument document, BlockLayout layout)
    {
        TitleBlock(document, layout);
        PartiesSection(document, layout);
        HomeArticle(document.Home, layout);
        PriceArticle(document.Price, layout);
        PaymentArticle(document.Payment, layout);
        DepositArticle(document.Payment, layout);
        DeliveryArticle(document.Delivery, layout);
        Obligations(document.Obligations, layout);
        EffectArticle(document, layout);
        OtherTermsArticle(document.OtherTerms, layout);
        Signatures(document, layout);
    }

    private static void PartiesSection(ContractDocument document, BlockLayout layout)
    {
        var sellers = document.Parties.Where(p => p.IsSeller).ToList();
        var buyers = document.Parties.Where(p => !p.IsSeller).ToList();
        Heading(layout, "合同当事人");
        Paragraph(layout, new Prose().T("甲方（卖方）：").V(string.Join("、", sellers.Select(p => p.Name))));
        Paragraph(layout, new Prose().T("乙方（买方）：").V(string.Join("、", buyers.Select(p => p.Name))));
        Paragraph(layout, new Prose()
            .T("甲方委托代理人：").V(document.SellerAgent?.Name).T("，证件号码：").V(document.SellerAgent?.IdNumber).T("。"));
        Paragraph(layout, new Prose()
            .T("乙方委托代理人：").V(document.BuyerAgent?.Name).T("，证件号码：").V(document.BuyerAgent?.IdNumber).T("。"));
        Paragraph(layout, new Prose().T(
            "各方当事人的身份信息如下表所列。房屋有共有人的，全体共有人均列为甲方，共同享有本合同约定的权利并承担本合同约定的义务。"));
        layout.Table(
            [1.25, 1.35, 1.7, 2.35, 1.5, 1.05],
            ["身份", "姓名", "证件类型", "证件号码", "联系电话", "产权份额"],
            [.. document.Parties.Select(p => (IReadOnlyList<string>)[p.Role, p.Name, p.IdTypeName, p.IdNumber, p.Phone, p.Share ?? "—"])],
            TextStyle.Small,
            spaceBefore: ParagraphGap);
        Paragraph(layout, new Prose().T(
            "甲、乙双方依照《中华人民共和国民法典》《中华人民共和国城市房地产管理法》和武汉市存量房交易管理的有关规定，本着平等、自愿、" +
            "公平、诚实信用的原则，就乙方购买甲方房屋的事宜协商一致，订立本合同，共同遵守。"), spaceBefore: HeadingGap);
    }

    private static void HomeArticle(ContractHome home, BlockLayout layout)
    {
        Heading(layout, "第一条 房屋基本情况");
        Paragraph(layout, new Prose()
            .T("甲方自愿将其坐落于").V(home.Location).T("的房屋（以下简称“该房屋”）出售给乙方。该房屋位于").V(home.DistrictName)
            .T("，房屋结构为").V(home.Structure).T("，建筑面积").V(home.BuildingArea).T("平方米，分摊土地面积").V(home.LandArea)
            .T("平方米；所在层次为第").V(home.Floor).T("层，地上总层数").V(home.TotalFloors).T("层；设计用途为").V(home.DesignPurpose)
            .T("，房型为").V(home.RoomType).T("。"));
        Paragraph(layout, new Prose()
            .T("该房屋的不动产权证书（房屋所有权证）号为").V(home.CertificateNumber).T("，土地使用权证号为").V(home.LandCertificateNumber)
            .T("，证书填发日期为").V(home.CertificateIssuedOn).T("。"));
        Paragraph(layout, new Prose().T("随该房屋一并转让的附属设施：").V(home.AttachedFacilities).T("。"));
        Paragraph(layout, new Prose().T(
            "甲方保证对该房屋依法享有处分权，该房屋在本合同申报时未被查封、未设立抵押，也不存在异议登记、预告登记等限制转让的情形；" +
            "房屋有共有人的，全体共有人均同意出售。因甲方隐瞒上述情况给乙方造成损失的，由甲方承担赔偿责任。"));
    }

    private static void PriceArticle(ContractPrice price, BlockLayout layout)
    {
        Heading(layout, "第二条 成交价格");
        Paragraph(layout, new Prose()
            .T("经双方协商，该房屋成交总价为人民币（小写）").V(price.Figures).T("元，（大写）").V(price.Capitals)
            .T("。其中，装饰装修及附属设施的价款为人民币").V(price.DecorationAmount).T("元。"));
        Paragraph(layout, new Prose().T("上述价格为双方真实成交价格，双方不得另行签订与本合同价格不一致的协议。"));
    }

    private static void PaymentArticle(ContractPayment payment, BlockLayout layout)
    {
        Heading(layout, "第三条 付款方式及期限");
        var escrow = payment.ThroughEscrow switch
        {
            true => "通过",
            false => "不通过",
            null => null,
        };
        Paragraph(layout, new Prose()
            .T("乙方采用").V(payment.MethodName).T("的方式支付房款，交易资金").V(escrow).T("存量房交易资金监管账户划转。"));
        if (payment.Schedule.Count == 0)
        {
            Paragraph(layout, new Prose().T("双方未约定分期付款计划，乙方应按前款约定的方式付清全部房款。"));
            return;
        }

        Paragraph(layout, new Prose().T("乙方按下列计划向甲方支付房款："));
        layout.Table(
            [0.8, 2.0, 2.0, 4.0],
            ["期次", "付款期限", "金额（元）", "说明"],
            [.. payment.Schedule.Select((r, i) => (IReadOnlyList<string>)[$"第{i + 1}期", Prose.DateText(r.DueOn), r.Amount, r.Description])],
            TextStyle.Small,
            spaceBefore: ParagraphGap);
    }

    private static void DepositArticle(ContractPayment payment, BlockLayout layout)
    {
        Heading(layout, "第四条 定金");
        Paragraph(layout, new Prose()
            .T("乙方应于").V(payment.DepositDueOn).T("前向甲方支付定金人民币").V(payment.Deposit)
            .T("元。乙方支付房款时，定金抵作房款。甲方违约不出售该房屋的，应向乙方双倍返还定金；乙方违约不购买该房屋的，无权要求甲方返还定金。"));
    }

    private static void DeliveryArticle(ContractDelivery delivery, BlockLayout layout)
    {
        Heading(layout, "第五条 房屋交付");
        Paragraph(layout, new Prose()
            .T("甲方应于").V(delivery.Date).T("前将该房屋交付乙方，交付条件为：").V(delivery.Conditions).T("。"));
        Paragraph(layout, new Prose().T(
            "交付时，双方共同查验房屋及附属设施，并结清交付之日前发生的水、电、燃气、通信、物业管理等费用；交付后发生的费用由乙方承担。"));
    }

    private static void Obligations(ContractObligations terms, BlockLayout layout)
    {
        Heading(layout, "第六条 税费承担");
        Paragraph(layout, new Prose().T("办理该房屋转移登记所产生的税费，").V(terms.TaxBearerName).T("。"));

        Heading(layout, "第七条 户口迁出");
        Paragraph(layout, new Prose()
            .T("甲方应在该房屋转移登记完成之日起").V(terms.HukouMoveOutDays).T("日内，将登记在该房屋地址上的户口全部迁出。")
            .T("逾期未迁出的，每逾期一日，甲方应向乙方支付违约金人民币").V(terms.HukouDailyPenalty).T("元。"));

        Heading(layout, "第八条 违约责任");
        Paragraph(layout, new Prose()
            .T("（一）乙方未按本合同约定的期限付款的，每逾期一日，按逾期未付金额的万分之").V(terms.LatePaymentDailyRate)
            .T("向甲方支付违约金；逾期超过").V(terms.TerminationAfterDays).T("日的，甲方有权解除本合同。"));
        Paragraph(layout, new Prose()
            .T("（二）甲方未按本合同约定的期限交付房屋的，每逾期一日，按乙方已付房款的万分之").V(terms.LateDeliveryDailyRate)
            .T("向乙方支付违约金；逾期超过").V(terms.TerminationAfterDays).T("日的，乙方有权解除本合同。"));
        Paragraph(layout, new Prose().T("（三）一方依本条解除合同的，违约方除支付违约金外，还应赔偿对方因此遭受的实际损失。"));

        Heading(layout, "第九条 争议解决");
        var disputes = new Prose().T("因履行本合同发生的争议，双方应当协商解决；协商不成的，");
        if (terms.ToCourt == true)
        {
            disputes.V("依法向房屋所在地人民法院起诉").T("。");
        }
        else
        {
            disputes.T("提交").V(terms.ArbitrationCommission).T("仲裁。");
        }

        Paragraph(layout, disputes);
    }

    private static void EffectArticle(ContractDocument document, BlockLayout layout)
    {
        Heading(layout, "第十条 合同生效");
        Paragraph(layout, new Prose().T(
            "本合同自甲、乙双方在武汉市存量房网签系统中逐一确认并申报成功之日起生效，网签系统赋予的合同编号为本合同的唯一编号。"));
        Paragraph(layout, new Prose()
            .T("本合同一式").V(document.Copies).T("份，甲、乙双方各执一份，其余用于办理转移登记等手续，各份具有同等法律效力。")
            .T("合同内容以网签系统记录为准，可扫描本合同首页二维码核验。"));
    }

    private static void OtherTermsArticle(string? otherTerms, BlockLayout layout)
    {
        Heading(layout, "第十一条 其他约定");
        var paragraphs = (otherTerms ?? string.Empty)
            .Split('\n')
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .ToList();
        if (paragraphs.Count == 0)
        {
            Paragraph(layout, new Prose().V((string?)null).T("。"));
            return;
        }

        foreach (var paragraph in paragraphs)
        {
            Paragraph(layout, new Prose().V(paragraph));
        }

        Paragraph(layout, new Prose().T("本合同未尽事宜，双方可另行签订补充协议，补充协议与本合同具有同等效力。"));
    }

    private static void Heading(BlockLayout layout, string text) =>
        layout.Paragraph([new TextSpan(text)], TextStyle.Heading, spaceBefore: HeadingGap, heading: true);

    private static void Paragraph(BlockLayout layout, Prose prose, double spaceBefore = ParagraphGap) =>
        layout.Paragraph(prose.Spans, TextStyle.Body, firstLineIndent: Indent, spaceBefore: spaceBefore);
}
