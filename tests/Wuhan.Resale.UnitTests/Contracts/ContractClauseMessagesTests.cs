using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Testing;

namespace Wuhan.Resale.UnitTests.Contracts;

/// <summary>
/// The sentences a seller reads next to the clauses added with the sectioned form (lease, loan refusal, deposit, court
/// and arbitration, copies), word for word: each case breaks one thing in the complete sample and expects one problem.
/// </summary>
public class ContractClauseMessagesTests
{
    private static ContractProblem Single(ContractTerms terms) =>
        Assert.Single(ContractCompleteness.FindProblems(terms, ContractSamples.CompleteSchedule()));

    [Fact]
    public void ALetHome_NeedsTheLeaseEnd_AndHowTheLeaseIsHandled()
    {
        var let = ContractSamples.CompleteTerms() with { IsLet = true };

        var problems = ContractCompleteness.FindProblems(let, ContractSamples.CompleteSchedule());

        Assert.Equal(
            [
                new ContractProblem(ContractField.LeaseEndsOn, "第一条：房屋已出租的，请填写租赁期限的届满日期。"),
                new ContractProblem(ContractField.LeaseHandling, "第一条：房屋已出租的，请选择租赁如何处理。"),
            ],
            problems);
    }

    [Fact]
    public void ALoan_NeedsWhatHappensWhenItIsRefused()
    {
        var problem = Single(ContractSamples.CompleteTerms() with { PaymentMethod = PaymentMethod.CommercialLoan, LoanRefusal = null, Copies = 5 });

        Assert.Equal(new ContractProblem(ContractField.LoanRefusal, "第三条：以贷款付款的，请选择贷款未获批准或批准金额不足时如何处理。"), problem);
    }

    [Fact]
    public void ADeposit_NeedsToSayWhetherItCountsTowardThePrice()
    {
        var problem = Single(ContractSamples.CompleteTerms() with { DepositCountsTowardPrice = null });

        Assert.Equal(new ContractProblem(ContractField.DepositCountsTowardPrice, "第四条：请选择定金是否抵作房价款。"), problem);
    }

    [Fact]
    public void ACourt_TakesNoArbitrationCommission()
    {
        var problem = Single(ContractSamples.CompleteTerms() with { DisputeResolution = DisputeResolution.Court, ArbitrationCommission = "武汉仲裁委员会" });

        Assert.Equal(
            new ContractProblem(ContractField.ArbitrationCommission, "第九条：已选择向人民法院起诉，不需要仲裁委员会名称。请清空这一栏，或把争议解决方式改为仲裁。"),
            problem);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(10)]
    public void Copies_WithinTheLimits_MustStillMatchTheHoldersTheClauseNames(int copies)
    {
        var terms = ContractSamples.CompleteTerms() with { Copies = copies };
        var holders = terms.CopyHolders();

        var problem = Single(terms);

        Assert.Equal(4, holders.Count);
        Assert.Equal(
            new ContractProblem(ContractField.Copies, $"第十条：本条写明由{string.Join("、", holders)}各执一份，共4份；现在填写的是{copies}份，请改为4份。"),
            problem);
    }
}
