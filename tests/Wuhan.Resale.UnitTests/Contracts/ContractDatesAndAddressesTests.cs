using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Testing;

namespace Wuhan.Resale.UnitTests.Contracts;

/// <summary>
/// The messages that name dates and parties, word for word: 定金 paid after the first installment or after delivery,
/// an installment dated before the one above it (named by their numbers as the form shows them, 第1期 first), the
/// service addresses of 甲方 and 乙方, and the day limits of 第五条 and 第六条. A zero 定金 has no date to check and
/// needs no answer on whether it counts toward the price.
/// </summary>
public class ContractDatesAndAddressesTests
{
    private static readonly DateOnly First = new(2026, 12, 15);
    private static readonly DateOnly Second = new(2027, 2, 15);

    [Fact]
    public void ADepositDueAfterTheFirstInstallment_IsNamedWithBothDates()
    {
        var problems = Problems(t => t with { DepositDueOn = new DateOnly(2026, 12, 16) });

        Assert.Equal(
            [new ContractProblem(ContractField.DepositDueOn, "第四条：定金支付日期（2026年12月16日）晚于第1期付款日期（2026年12月15日），请核对：定金应在第一期房价款之前或同日支付。")],
            problems);
    }

    /// <summary>The first installment with a date is the one compared: here the form's second row, 第2期.</summary>
    [Fact]
    public void ADepositDueAfterTheFirstDatedInstallment_NamesThatInstallmentsNumber()
    {
        var problems = Problems(
            t => t with { DepositDueOn = new DateOnly(2026, 12, 20) },
            new PaymentInstallment(1, default, 380_000m, "首付款"), new PaymentInstallment(2, First, 900_000m, "尾款"));

        Assert.Contains(
            new ContractProblem(ContractField.DepositDueOn, "第四条：定金支付日期（2026年12月20日）晚于第2期付款日期（2026年12月15日），请核对：定金应在第一期房价款之前或同日支付。"),
            problems);
    }

    [Fact]
    public void ADepositDueAfterDelivery_IsNamedWithBothDates()
    {
        var terms = ContractSamples.CompleteTerms() with
        {
            PaymentMethod = PaymentMethod.LumpSum, DepositDueOn = new DateOnly(2027, 3, 2), DeliveryDate = new DateOnly(2027, 3, 1),
        };

        var problems = ContractCompleteness.FindProblems(terms, []);

        Assert.Equal(
            [new ContractProblem(ContractField.DepositDueOn, "第四条：定金支付日期（2027年3月2日）晚于房屋交付日期（2027年3月1日），请核对。")],
            problems);
    }

    [Fact]
    public void ADepositDueOnTheDayOfTheFirstInstallment_IsAccepted()
    {
        Assert.Empty(Problems(t => t with { DepositDueOn = First }));
    }

    [Fact]
    public void AZeroDeposit_HasNoDateToCheck_AndNoQuestionWhetherItCountsTowardThePrice()
    {
        Assert.Empty(Problems(t => t with { Deposit = 0m, DepositDueOn = new DateOnly(2027, 6, 1), DepositCountsTowardPrice = null }));
    }

    [Fact]
    public void AnInstallmentDatedBeforeTheOneAboveIt_IsNamedWithBothNumbersAndDates()
    {
        var problems = Problems(t => t, Installment(1, Second, 380_000m), Installment(2, First, 900_000m));

        Assert.Equal(
            [new ContractProblem(ContractField.InstallmentDueOn, "第三条：第2期的付款日期（2026年12月15日）早于第1期（2027年2月15日），请按付款先后填写。", 1)],
            problems);
    }

    [Fact]
    public void TwoInstallmentsOnTheSameDay_AreAccepted()
    {
        Assert.Empty(Problems(t => t, Installment(1, First, 380_000m), Installment(2, First, 900_000m)));
    }

    [Fact]
    public void MissingServiceAddresses_NameTheirParty()
    {
        var problems = Problems(t => t with { SellerServiceAddress = null, BuyerServiceAddress = "  " });

        Assert.Equal(
            [
                new ContractProblem(ContractField.SellerServiceAddress, "当事人：请填写甲方的送达地址（接收合同通知和文书的地址）。"),
                new ContractProblem(ContractField.BuyerServiceAddress, "当事人：请填写乙方的送达地址（接收合同通知和文书的地址）。"),
            ],
            problems);
    }

    [Fact]
    public void AServiceAddressTooLong_NamesItsParty_AndTheLimit()
    {
        var tooLong = new string('址', ContractCompleteness.MaxAddressLength + 1);

        var problems = Problems(t => t with { SellerServiceAddress = tooLong, BuyerServiceAddress = tooLong });

        Assert.Equal(
            [
                new ContractProblem(ContractField.SellerServiceAddress, "当事人：甲方送达地址不能超过200个字。"),
                new ContractProblem(ContractField.BuyerServiceAddress, "当事人：乙方送达地址不能超过200个字。"),
            ],
            problems);
    }

    [Theory]
    [InlineData(-1, 60, ContractField.UtilitiesTransferDays, "第五条：物业、水电气交割的期限应在0至365日之间。")]
    [InlineData(366, 60, ContractField.UtilitiesTransferDays, "第五条：物业、水电气交割的期限应在0至365日之间。")]
    [InlineData(15, 0, ContractField.TransferRegistrationWithinDays, "第六条：申请转移登记的期限应在1至365日之间。")]
    [InlineData(15, 366, ContractField.TransferRegistrationWithinDays, "第六条：申请转移登记的期限应在1至365日之间。")]
    public void DaysOutOfRange_AreRefused_WithTheRange(int utilities, int registration, ContractField field, string message)
    {
        var problems = Problems(t => t with { UtilitiesTransferDays = utilities, TransferRegistrationWithinDays = registration });

        Assert.Equal([new ContractProblem(field, message)], problems);
    }

    [Fact]
    public void DaysAtTheirEdges_AreAccepted()
    {
        Assert.Empty(Problems(t => t with { UtilitiesTransferDays = 0, TransferRegistrationWithinDays = 1 }));
        Assert.Empty(Problems(t => t with { UtilitiesTransferDays = 365, TransferRegistrationWithinDays = 365 }));
    }

    private static IReadOnlyList<ContractProblem> Problems(Func<ContractTerms, ContractTerms> change, params PaymentInstallment[] schedule) =>
        ContractCompleteness.FindProblems(change(ContractSamples.CompleteTerms()), schedule.Length > 0 ? schedule : ContractSamples.CompleteSchedule());

    private static PaymentInstallment Installment(int order, DateOnly dueOn, decimal amount) => new(order, dueOn, amount, $"第{order}期");
}
