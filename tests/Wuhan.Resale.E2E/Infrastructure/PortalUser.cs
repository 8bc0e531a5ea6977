using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Wuhan.Resale.Web.Data.Seed;
using static Microsoft.Playwright.Assertions;

namespace Wuhan.Resale.E2E.Infrastructure;

/// <summary>
/// A person using the portal through what the pages show: button and link texts, field labels. The only addresses
/// typed are the login page and the development SMS inbox. When <see cref="Checks"/> is set, every page reached is
/// screenshot at both sizes and scanned by axe-core under the name <c>{Prefix}-NN-{page}</c>.
/// </summary>
public sealed partial class PortalUser(BrowserPortal portal, DemoCitizen citizen, PageChecks? checks, string prefix)
{
    private int _step;

    public DemoCitizen Citizen { get; } = citizen;

    public PageChecks? Checks { get; } = checks;

    public IBrowserContext Desktop { get; private set; } = null!;

    public IBrowserContext PhoneContext { get; private set; } = null!;

    public IPage Page { get; private set; } = null!;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public ILocator Link(string name) => Page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public async Task CheckAsync(IPage page, string name)
    {
        if (Checks is not null)
        {
            _step++;
            await Checks.CheckAsync(page, string.Create(CultureInfo.InvariantCulture, $"{prefix}-{_step:00}-{name}"));
        }
    }

    /// <summary>
    /// 实名认证: the desktop opens the login page, the phone opens its same-device link, fills in the persona, types the
    /// test captcha, sends the code, reads it from the inbox and authorises; the desktop signs in by itself (/me).
    /// </summary>
    /// <param name="checkPages">Whether to screenshot and scan the login pages too (once per run is enough).</param>
    public async Task SignInAsync(bool checkPages = true)
    {
        Desktop = await portal.NewDesktopContextAsync();
        PhoneContext = await portal.NewPhoneContextAsync();
        Page = await Desktop.NewPageAsync();
        await Page.GotoAsync("/");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "实名认证登录" })).ToBeVisibleAsync();
        if (checkPages)
        {
            await CheckAsync(Page, "login");
        }

        var link = await Page.Locator("#same-device-link").GetAttributeAsync("href")
            ?? throw new InvalidOperationException("The login page shows no same-device link.");
        var pairingCode = (await Page.Locator("#pairing-code").InnerTextAsync()).Trim();

        var phone = await PhoneContext.NewPageAsync();
        await phone.GotoAsync(link);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "实名认证" })).ToBeVisibleAsync();
        await phone.GetByLabel("姓名", new() { Exact = true }).FillAsync(Citizen.Name);
        await phone.GetByLabel("证件号码", new() { Exact = true }).FillAsync(Citizen.IdNumber);
        await phone.GetByLabel("手机号码", new() { Exact = true }).FillAsync(Citizen.Phone);
        await phone.GetByLabel("图片验证码", new() { Exact = true }).FillAsync(BrowserPortalFactory.CaptchaAnswer);
        await phone.Locator("#PairingCode").FillAsync(pairingCode);
        if (checkPages)
        {
            await CheckAsync(phone, "phone-identity");
        }

        var before = await SmsInbox.CountAsync(PhoneContext, Citizen.Phone);
        await phone.GetByRole(AriaRole.Button, new() { Name = "发送短信验证码", Exact = true }).ClickAsync();
        var code = await SmsInbox.WaitForCodeAsync(PhoneContext, Citizen.Phone, before);
        await phone.GetByLabel("短信验证码", new() { Exact = true }).FillAsync(code);
        if (checkPages)
        {
            await CheckAsync(phone, "phone-code");
        }

        await phone.GetByRole(AriaRole.Button, new() { Name = "授权登录", Exact = true }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "授权成功" })).ToBeVisibleAsync();

        // The login page polls every two seconds and signs in by itself.
        await Page.WaitForURLAsync(new Regex("/me$"), new() { Timeout = 15_000 });
        if (checkPages)
        {
            await CheckAsync(phone, "phone-authorised");
        }

        await phone.CloseAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"您好，{Citizen.Name}" })).ToBeVisibleAsync();
        await CheckAsync(Page, "me");
    }

    /// <summary>
    /// 实名认证 with one phone and nothing else: the login page's 在本机办理, the form in the same tab (no 配对码), the code
    /// read from the inbox, 授权登录 — and the phone is signed in (/me). The phone is this person's only window.
    /// </summary>
    public async Task SignInOnPhoneAsync(bool checkPages = true)
    {
        PhoneContext = await portal.NewPhoneContextAsync();
        Desktop = PhoneContext;
        Page = await PhoneContext.NewPageAsync();
        await Page.GotoAsync("/");
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "实名认证登录" })).ToBeVisibleAsync();
        await Expect(Page.Locator(".qr-box")).ToBeHiddenAsync();
        if (checkPages)
        {
            await CheckAsync(Page, "login");
        }

        await Link("在本机办理").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "实名认证" })).ToBeVisibleAsync();
        await Expect(Page.Locator("#PairingCode")).ToHaveCountAsync(0);
        await Page.GetByLabel("姓名", new() { Exact = true }).FillAsync(Citizen.Name);
        await Page.GetByLabel("证件号码", new() { Exact = true }).FillAsync(Citizen.IdNumber);
        await Page.GetByLabel("手机号码", new() { Exact = true }).FillAsync(Citizen.Phone);
        await Page.GetByLabel("图片验证码", new() { Exact = true }).FillAsync(BrowserPortalFactory.CaptchaAnswer);
        if (checkPages)
        {
            await CheckAsync(Page, "phone-identity");
        }

        var before = await SmsInbox.CountAsync(PhoneContext, Citizen.Phone);
        await Button("发送短信验证码").ClickAsync();
        var code = await SmsInbox.WaitForCodeAsync(PhoneContext, Citizen.Phone, before);
        Assert.DoesNotContain("电脑", await SmsInbox.LatestTextAsync(PhoneContext, Citizen.Phone), StringComparison.Ordinal);
        await Page.GetByLabel("短信验证码", new() { Exact = true }).FillAsync(code);
        Assert.DoesNotContain("电脑", await Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Button("授权登录").ClickAsync();
        await Page.WaitForURLAsync(new Regex("/me$"));
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"您好，{Citizen.Name}" })).ToBeVisibleAsync();
        await CheckAsync(Page, "me");
    }

    /// <summary>进入房源核验 → 个人房产信息查询 → wait for 生成房源编码 → consent → 确定: the homes list.</summary>
    public async Task QueryHomesAsync()
    {
        if (!Page.Url.EndsWith("/listing", StringComparison.Ordinal))
        {
            await Link("进入房源核验").ClickAsync();
        }

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "房源核验", Exact = true })).ToBeVisibleAsync();
        var usable = await Link("生成房源编码").CountAsync();
        await Button("个人房产信息查询").ClickAsync();

        // The page refreshes itself every three seconds until the registry answers.
        await Expect(Link("生成房源编码")).ToHaveCountAsync(usable + 1, new() { Timeout = 30_000 });
        await Expect(Page.Locator(".spinner")).ToHaveCountAsync(0);
        await CheckAsync(Page, "listing-queried");
        await Link("生成房源编码").First.ClickAsync();

        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "用户须知" })).ToBeVisibleAsync();
        await CheckAsync(Page, "notice");
        await Page.GetByLabel("本人已阅读并同意上述事项").CheckAsync();
        await Button("确定").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "可售房屋列表" })).ToBeVisibleAsync();
        await CheckAsync(Page, "homes");
    }

    /// <summary>Chooses the home by its certificate number and presses 确认提交.</summary>
    public async Task ChooseHomeAsync(string certificateNumber, string checkName = "result")
    {
        await Page.GetByLabel($"选择证书编号为 {certificateNumber} 的房屋").CheckAsync();
        await Button("确认提交").ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
        await CheckAsync(Page, checkName);
    }

    /// <summary>确认买方 → fill the buyers → 保存购房人信息: the contracts list.</summary>
    public async Task SaveBuyersAsync(params DemoCitizen[] buyers)
    {
        ArgumentNullException.ThrowIfNull(buyers);
        await Link("确认买方").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "购房人" })).ToBeVisibleAsync();
        for (var i = 0; i < buyers.Length; i++)
        {
            if (await Page.GetByLabel($"第{i + 1}位购房人姓名").CountAsync() == 0)
            {
                await Button("添加购房人").ClickAsync();
            }

            await Page.GetByLabel($"第{i + 1}位购房人姓名").FillAsync(buyers[i].Name);
            await Page.GetByLabel($"第{i + 1}位购房人证件类型").SelectOptionAsync(new SelectOptionValue { Label = "居民身份证" });
            await Page.GetByLabel($"第{i + 1}位购房人证件号码").FillAsync(buyers[i].IdNumber);
            await Page.GetByLabel($"第{i + 1}位购房人手机号码").FillAsync(buyers[i].Phone);
        }

        await CheckAsync(Page, "buyers");
        await Button("保存购房人信息").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "网签申报" })).ToBeVisibleAsync();
        await CheckAsync(Page, "contracts-buyers-saved");
    }

    /// <summary>
    /// 填写合同 section by section (当事人 → 房屋 → 价款与付款 → 交付与税费 → 违约与争议 → 核对), each checked and
    /// screenshot, each moved on with 保存并继续; asserts the live 大写 and 万元 readings, that the arbitration name
    /// appears only with 仲裁, and that no unit wraps away from its box; then 保存合同信息 → 返回合同列表.
    /// </summary>
    public async Task FillContractAsync()
    {
        await Link("填写合同").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "武汉市存量房买卖合同" })).ToBeVisibleAsync();
        await Expect(Page.Locator("#progress-text")).ToHaveTextAsync("第 1 步，共 6 步：当事人");
        await CheckAsync(Page, "contract-empty");

        var today = Today;
        await Page.GetByLabel("甲方送达地址").FillAsync("武汉市江汉区新华路100号3栋2单元501室");
        await Page.GetByLabel("乙方送达地址").FillAsync("武汉市洪山区珞喻路20号8栋1203室");
        await NextSectionAsync("当事人", "房屋", 2);

        await Page.GetByLabel("随房屋一并转让的附属设施").FillAsync("水、电、燃气、有线电视");
        await Expect(Page.Locator("#LeaseEndsOn")).ToBeHiddenAsync();
        await Page.GetByLabel("房屋目前是否已出租").SelectOptionAsync(new SelectOptionValue { Label = "否" });
        await NextSectionAsync("房屋", "价款与付款", 3);

        var price = Page.GetByLabel("成交价格（元）", new() { Exact = true });
        var capitals = Page.Locator("#PriceInCapitals");
        await price.PressSequentiallyAsync("128");
        await Expect(capitals).ToHaveTextAsync("壹佰贰拾捌元整");
        await price.PressSequentiallyAsync("0000");
        await Expect(capitals).ToHaveTextAsync("壹佰贰拾捌万元整");
        await Expect(Page.Locator("#Price-wan")).ToHaveTextAsync("合128万元");
        await Page.GetByLabel("装修及附属设施作价（元）").FillAsync("80000");
        await Expect(price).ToHaveValueAsync("1,280,000.00"); // separators once the box is left
        await Page.GetByLabel("付款方式", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "分期付款" });
        await Expect(Page.Locator("#LoanRefusal")).ToBeHiddenAsync();
        await Page.GetByLabel("房价款是否存入资金监管账户").SelectOptionAsync(new SelectOptionValue { Label = "是" });
        await Page.GetByLabel("第1期付款日期").FillAsync(Iso(today.AddDays(20)));
        await Page.GetByLabel("第1期金额（元）").FillAsync("380000");
        await Page.GetByLabel("第1期说明").FillAsync("首付款");
        await Page.GetByLabel("第2期付款日期").FillAsync(Iso(today.AddDays(80)));
        await Page.GetByLabel("第2期金额（元）").FillAsync("900000");
        await Page.GetByLabel("第2期说明").FillAsync("尾款");
        await Page.GetByLabel("定金支付日期").FillAsync(Iso(today.AddDays(5)));
        await Page.GetByLabel("定金（元）").FillAsync("100000");
        await Page.GetByLabel("定金是否抵作房价款").SelectOptionAsync("false");
        await NextSectionAsync("价款与付款", "交付与税费", 4);

        await Page.GetByLabel("房屋交付日期").FillAsync(Iso(today.AddDays(95)));
        await Page.GetByLabel("交付的其他条件").FillAsync("交清全部房款后交付钥匙");
        await Page.GetByLabel("交付后办理物业、水电气户名变更的期限（日）").FillAsync("15");
        await Page.GetByLabel("专项维修资金的处理").SelectOptionAsync("IncludedInPrice");
        await Page.GetByLabel("网签后申请转移登记的期限（日）").FillAsync("60");
        await Page.GetByLabel("税费承担方式").SelectOptionAsync(new SelectOptionValue { Label = "按国家有关规定由甲、乙双方各自承担" });
        await Page.GetByLabel("户口迁出期限（天）").FillAsync("30");
        await Page.GetByLabel("逾期迁出户口的每日违约金（元）").FillAsync("100");
        await NextSectionAsync("交付与税费", "违约与争议", 5);

        await Page.GetByLabel("逾期付款每日违约金比例（万分之几）").FillAsync("5");
        await Page.GetByLabel("逾期交房每日违约金比例（万分之几）").FillAsync("5");
        await Page.GetByLabel("可解除合同的逾期天数").FillAsync("30");
        var commission = Page.Locator("#ArbitrationCommission");
        await Expect(commission).ToBeHiddenAsync();
        await Page.GetByLabel("争议解决方式").SelectOptionAsync(new SelectOptionValue { Label = "提交仲裁委员会仲裁" });
        await Expect(commission).ToBeVisibleAsync();
        await Page.GetByLabel("争议解决方式").SelectOptionAsync(new SelectOptionValue { Label = "依法向房屋所在地人民法院起诉" });
        await Expect(commission).ToBeHiddenAsync();
        await NextSectionAsync("违约与争议", "核对", 6);

        await Expect(Page.Locator("#CopyHolders")).ToHaveTextAsync("甲方、乙方、不动产登记机构、资金监管机构");
        await Page.GetByLabel("合同份数").FillAsync("4");
        await Page.GetByLabel("双方的其他约定").FillAsync("无");
        await Expect(Page.Locator(".cf-savebar #save-draft")).ToBeVisibleAsync();
        await AssertUnitsStayBesideTheirBoxesAsync();
        await CheckAsync(Page, "contract-6-review");

        // The visible button; a hidden twin (first in the form, for Enter) has the same role name but is aria-hidden.
        await Button("保存合同信息").ClickAsync();
        await Expect(Page.Locator("#form-notice")).ToBeVisibleAsync();
        await Expect(Page.Locator(".field-error")).ToHaveCountAsync(0);
        await Expect(Page.Locator("#review-summary")).ToContainTextAsync("合同已经完整");
        await Expect(capitals).ToHaveTextAsync("壹佰贰拾捌万元整");
        await CheckAsync(Page, "contract-saved");
        await Link("返回合同列表").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "网签申报" })).ToBeVisibleAsync();
    }

    /// <summary>Screenshots the section just filled, then 保存并继续 to the next, which opens at its own step.</summary>
    private async Task NextSectionAsync(string current, string next, int nextStep)
    {
        await AssertUnitsStayBesideTheirBoxesAsync();
        await CheckAsync(Page, $"contract-{nextStep - 1}-{current}");
        await Button($"保存并继续：{next}").ClickAsync();
        await Expect(Page.Locator("#progress-text")).ToHaveTextAsync($"第 {nextStep} 步，共 6 步：{next}");
        await Expect(Page.Locator(".field-error")).ToHaveCountAsync(0);
    }

    /// <summary>Every visible unit (元, 日, 份, 平方米) and 万分之 sits on the same line as its box, at the page's width.</summary>
    private async Task AssertUnitsStayBesideTheirBoxesAsync()
    {
        var wrapped = await Page.EvaluateAsync<string[]>("""
            () => Array.from(document.querySelectorAll('.cf-field-affix')).filter(f => f.offsetParent !== null).flatMap(f => {
                const box = f.querySelector('input').getBoundingClientRect();
                return Array.from(f.querySelectorAll('.cf-unit, .cf-prefix')).filter(u => {
                    const r = u.getBoundingClientRect();
                    return r.top >= box.bottom - 1 || r.bottom <= box.top + 1;
                }).map(u => f.querySelector('input').id + ':' + u.textContent);
            })
            """);
        Assert.Empty(wrapped);
    }

    /// <summary>申报网签 from the contracts list: the filing page.</summary>
    public async Task OpenFilingAsync()
    {
        await Link("申报网签").ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "申报网签" })).ToBeVisibleAsync();
        await Expect(Page.Locator("#filing-blockers")).ToHaveCountAsync(0);
        await CheckAsync(Page, "filing");
    }

    /// <summary>发送短信验证码 on the filing page; returns each party's code, read from the inbox, by name.</summary>
    public async Task<Dictionary<string, string>> SendFilingCodesAsync(params DemoCitizen[] parties)
    {
        ArgumentNullException.ThrowIfNull(parties);
        var before = new Dictionary<string, int>();
        foreach (var party in parties)
        {
            before[party.Phone] = await SmsInbox.CountAsync(Desktop, party.Phone);
        }

        await Button("发送短信验证码").ClickAsync();
        await Page.WaitForLoadStateAsync(LoadState.Load);
        var codes = new Dictionary<string, string>();
        foreach (var party in parties)
        {
            codes[party.Name] = await SmsInbox.WaitForCodeAsync(Desktop, party.Phone, before[party.Phone]);
        }

        await CheckAsync(Page, "filing-codes-sent");
        return codes;
    }

    /// <summary>Types each party's code into the row labelled with their name and presses 确认提交; returns the contract number.</summary>
    public async Task<string> ConfirmFilingAsync(Dictionary<string, string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        foreach (var (name, code) in codes)
        {
            await Page.GetByLabel($"{name}的验证码").FillAsync(code);
        }

        await Button("确认提交").ClickAsync();
        return await ExpectFiledAsync();
    }

    /// <summary>The contracts list after filing; returns the new contract number from its row.</summary>
    public async Task<string> ExpectFiledAsync()
    {
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "网签申报" })).ToBeVisibleAsync();
        await Expect(Page.Locator("#contracts .contract-status").First).ToHaveTextAsync("已生成合同");
        var number = (await Page.Locator("#contracts td[data-label='合同编号']").First.InnerTextAsync()).Trim();
        Assert.Matches(ContractNumberPattern(), number);
        await CheckAsync(Page, "contracts-filed");
        return number;
    }

    public async Task CloseAsync()
    {
        if (Desktop is not null)
        {
            await Desktop.CloseAsync();
        }

        if (PhoneContext is not null && !ReferenceEquals(PhoneContext, Desktop))
        {
            await PhoneContext.CloseAsync();
        }
    }

    [GeneratedRegex(@"^武房\d+$")]
    private static partial Regex ContractNumberPattern();
}
