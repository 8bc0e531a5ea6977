using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Web.Features.BuyerConfirmation;
using Wuhan.Resale.Web.Features.ContractFiling;
using Wuhan.Resale.Web.Features.RealNameAuth;

namespace Wuhan.Resale.Web.UnitTests.Forms;

/// <summary>
/// The format rules of the forms, each message keyed by the input it is shown next to. (That the message reaches the
/// page, and that what was typed stays, is tested through HTTP in the integration tests.)
/// </summary>
public sealed class ValidatorTests
{
    private const string ValidId = "420102197803140479";

    private static Dictionary<string, string> Errors<T>(FluentValidation.AbstractValidator<T> validator, T form) =>
        validator.Validate(form).Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.First().ErrorMessage);

    [Fact]
    public void AnEmptyDraftContract_IsAcceptedAsIs()
    {
        Assert.Empty(Errors(new ContractFormValidator(), new ContractForm()));
    }

    [Theory]
    [InlineData("一百二十八万", "第二条：成交价格请填写数字（单位：元），例如 1280000 或 1280000.50。")]
    [InlineData("1280000.505", "第二条：成交价格最多保留两位小数（到分）。")]
    [InlineData("1000000000000000", "第二条：成交价格超出可以填写的范围，请核对。")]
    public void APriceThatCannotBeStored_IsRefusedNextToThePrice(string typed, string message)
    {
        var errors = Errors(new ContractFormValidator(), new ContractForm { Price = typed });

        Assert.Equal(message, Assert.Single(errors).Value);
        Assert.Equal(nameof(ContractForm.Price), errors.Keys.Single());
    }

    [Theory]
    [InlineData("1,280,000.50")]
    [InlineData("１２８００００")]
    public void APriceTypedWithSeparatorsOrFullWidthDigits_IsAccepted(string typed) =>
        Assert.Empty(Errors(new ContractFormValidator(), new ContractForm { Price = typed }));

    [Fact]
    public void UnreadableDatesNumbersRatesAndChoices_AreEachReportedAgainstTheirOwnInput()
    {
        var form = new ContractForm
        {
            DeliveryDate = "下个月",
            Copies = "四",
            LatePaymentDailyRate = "0.00005",
            DisputeResolution = "Mediation",
            IsLet = "maybe",
        };

        var errors = Errors(new ContractFormValidator(), form);

        Assert.Equal("第五条：交付日期请按“年-月-日”填写，例如 2027-01-31。", errors[nameof(ContractForm.DeliveryDate)]);
        Assert.Equal("第十条：合同份数请填写整数，例如 30。", errors[nameof(ContractForm.Copies)]);
        Assert.StartsWith("第八条：逾期付款违约金比例最多保留四位小数", errors[nameof(ContractForm.LatePaymentDailyRate)], StringComparison.Ordinal);
        Assert.Equal("第九条：争议解决方式请从列表中选择。", errors[nameof(ContractForm.DisputeResolution)]);
        Assert.Equal("第一条：请选择房屋目前是否已出租。", errors[nameof(ContractForm.IsLet)]);
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void AScheduleRow_WithoutItsDateOrAmount_IsReportedOnThatRow_AndBlankRowsAreIgnored()
    {
        var form = new ContractForm();
        form.Installments.Add(new InstallmentRow());
        form.Installments.Add(new InstallmentRow { Amount = "500000" });
        form.Installments.Add(new InstallmentRow { DueOn = "2027-01-31" });

        var errors = Errors(new ContractFormValidator(), form);

        Assert.Equal("第三条：第2期请填写付款日期，或清空这一行。", errors["Installments[1].DueOn"]);
        Assert.Equal("第三条：第3期请填写付款金额，或清空这一行。", errors["Installments[2].Amount"]);
        Assert.Equal(2, errors.Count);
    }

    [Fact]
    public void MoreScheduleRowsThanTheFormOffers_AreRefused()
    {
        var form = new ContractForm();
        for (var i = 0; i <= ContractForm.MaxRows; i++)
        {
            form.Installments.Add(new InstallmentRow { DueOn = "2027-01-31", Amount = "1000" });
        }

        Assert.Equal($"第三条：付款计划最多{ContractForm.MaxRows}期。", Errors(new ContractFormValidator(), form)[nameof(ContractForm.Installments)]);
    }

    [Fact]
    public void TheMobileForm_RequiresTheCaptchaOnlyWhenSending_AndASixDigitCodeOnlyWhenAuthorising()
    {
        var validator = new MobileConfirmationFormValidator();
        MobileConfirmationForm Form(string intent, string? captcha = null, string? code = null) => new()
        {
            Name = "柯文博", IdNumber = ValidId, Phone = "13812345678", Intent = intent, CaptchaAnswer = captcha, Code = code,
        };

        Assert.Equal("请输入图片中的字符。", Errors(validator, Form(MobileIntents.SendCode))[nameof(MobileConfirmationForm.CaptchaAnswer)]);
        Assert.Empty(Errors(validator, Form(MobileIntents.SendCode, captcha: "A7K3M")));
        Assert.Equal("请输入短信验证码。", Errors(validator, Form(MobileIntents.Authorise))[nameof(MobileConfirmationForm.Code)]);
        Assert.Equal("短信验证码为6位数字。", Errors(validator, Form(MobileIntents.Authorise, code: "12345"))[nameof(MobileConfirmationForm.Code)]);
        Assert.Equal("短信验证码为6位数字。", Errors(validator, Form(MobileIntents.Authorise, code: "１２３４５６"))[nameof(MobileConfirmationForm.Code)]);
        Assert.Empty(Errors(validator, Form(MobileIntents.Authorise, code: "123456")));
    }

    [Fact]
    public void TheMobileForm_ReportsAWrongIdNumberAndPhone_NextToEach()
    {
        var errors = Errors(new MobileConfirmationFormValidator(), new MobileConfirmationForm
        {
            Name = "柯文博", IdNumber = "420102197803140478", Phone = "1381234567", Intent = MobileIntents.SendCode, CaptchaAnswer = "A7K3M",
        });

        Assert.Equal([nameof(MobileConfirmationForm.IdNumber), nameof(MobileConfirmationForm.Phone)], errors.Keys.Order(StringComparer.Ordinal));
        Assert.All(errors.Values, message => Assert.False(string.IsNullOrWhiteSpace(message)));
        Assert.Equal("请填写姓名。", Errors(new MobileConfirmationFormValidator(), new MobileConfirmationForm { IdNumber = ValidId, Phone = "13812345678" })[nameof(MobileConfirmationForm.Name)]);
    }

    [Fact]
    public void TheBuyersForm_NeedsOneBuyer_AndKeysEachProblemToItsRow()
    {
        var validator = new BuyersFormValidator();

        Assert.Equal("请至少添加一位购房人。", Errors(validator, new BuyersForm { Rows = [new BuyerRow()] })["Rows"]);

        var errors = Errors(validator, new BuyersForm
        {
            Rows =
            [
                new BuyerRow { Name = "柯文博", IdNumber = ValidId, Phone = "13812345678" },
                new BuyerRow { Name = string.Empty, IdNumber = ValidId, Phone = "13812345679" },
            ],
        });

        Assert.Equal("请填写姓名。", errors["Rows[1].Name"]);
        Assert.DoesNotContain(errors.Keys, k => k.StartsWith("Rows[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void TheBuyersForm_RefusesANameLongerThanAPersonNameMayBe()
    {
        var errors = Errors(new BuyersFormValidator(), new BuyersForm
        {
            Rows = [new BuyerRow { Name = new string('柯', PersonName.MaxLength + 1), IdNumber = ValidId, Phone = "13812345678" }],
        });

        Assert.Equal($"姓名不能超过{PersonName.MaxLength}个字符。", errors["Rows[0].Name"]);
    }
}
