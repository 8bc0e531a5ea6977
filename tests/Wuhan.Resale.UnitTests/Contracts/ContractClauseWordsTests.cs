using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Testing;

namespace Wuhan.Resale.UnitTests.Contracts;

/// <summary>
/// What the printed contract says for each choice of the sectioned form's clauses: who holds a copy (第十条, worked
/// out from the payment and escrow answers), and for the loan refusal, the maintenance fund, the lease and the 定金
/// the obligation and the deadline the parties sign — each choice its own clause.
/// </summary>
public class ContractClauseWordsTests
{
    [Theory]
    [InlineData(PaymentMethod.LumpSum, false, "甲方、乙方、不动产登记机构")]
    [InlineData(PaymentMethod.Installments, true, "甲方、乙方、不动产登记机构、资金监管机构")]
    [InlineData(PaymentMethod.HousingFundLoan, false, "甲方、乙方、不动产登记机构、贷款银行")]
    [InlineData(PaymentMethod.CombinedLoan, true, "甲方、乙方、不动产登记机构、资金监管机构、贷款银行")]
    public void TheCopyHolders_FollowThePaymentAndTheEscrow(PaymentMethod method, bool escrow, string holders)
    {
        var terms = ContractSamples.CompleteTerms() with { PaymentMethod = method, FundsThroughEscrow = escrow };

        Assert.Equal(holders, string.Join("、", terms.CopyHolders()));
    }

    [Fact]
    public void WithoutAPaymentAnswer_TheCopyHolders_AreTheThreeAlwaysNamed()
    {
        var terms = ContractSamples.CompleteTerms() with { PaymentMethod = null, FundsThroughEscrow = null };

        Assert.Equal(["甲方", "乙方", "不动产登记机构"], terms.CopyHolders());
    }

    [Fact]
    public void ALoanRefusal_EitherLeavesTheBuyerToPay_OrEndsTheContractWithARefundInTenDays()
    {
        Assert.Equal("乙方应以自有资金或其他方式补足差额，仍按本合同约定的期限付款", LoanRefusalRemedy.BuyerPaysOtherwise.DisplayName());
        Assert.Equal(
            "任何一方均可书面通知对方解除本合同，甲方应自解除之日起十日内退还已收取的全部款项（含定金），双方互不承担违约责任",
            LoanRefusalRemedy.TerminateAndRefund.DisplayName());
    }

    [Fact]
    public void TheMaintenanceFund_IsEitherInThePrice_OrRepaidByTheBuyer()
    {
        Assert.Equal("随房屋一并转移给乙方，其余额已包含在成交价格内，乙方不另行支付", MaintenanceFundHandling.IncludedInPrice.DisplayName());
        Assert.Equal("随房屋一并转移给乙方，乙方按办理转移时的账户余额另行向甲方支付", MaintenanceFundHandling.BuyerRepaysBalance.DisplayName());
    }

    [Fact]
    public void ALease_IsEitherEndedByTheSeller_OrTakenOverByTheBuyer()
    {
        Assert.Equal("甲方应在交付房屋前解除租赁关系、腾空房屋，因此产生的费用和纠纷由甲方负责", LeaseHandling.EndedBeforeDelivery.DisplayName());
        Assert.Equal("乙方继续履行原租赁合同，自交付之日起租金归乙方，甲方应将租赁合同和已收押金一并移交乙方", LeaseHandling.BuyerTakesOver.DisplayName());
    }

    [Fact]
    public void TheDeposit_EitherCountsTowardThePrice_OrIsReturnedWithinThreeDays()
    {
        Assert.Equal("在乙方支付房价款时抵作房价款", ContractTermNames.DepositHandlingName(countsTowardPrice: true));
        Assert.Equal("不抵作房价款，由甲方在乙方付清全部房价款之日起三日内退还乙方", ContractTermNames.DepositHandlingName(countsTowardPrice: false));
    }
}
