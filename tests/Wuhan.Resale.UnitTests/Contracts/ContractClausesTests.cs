using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Testing;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Contracts;

/// <summary>
/// The rules issue 20 added to <see cref="ContractCompleteness"/>: cross-checks between articles (定金 and the schedule,
/// copies and their holders, the order of the dates, the arbitration name), the clauses that apply only to some
/// contracts, and the 第一条 facts a seller supplies when the registry lacks them.
/// </summary>
public class ContractClausesTests
{
    [Fact]
    public void ADepositThatCountsTowardThePrice_AndAScheduleOfTheWholePrice_IsCountedTwice()
    {
        var problems = Problems(t => t with { DepositCountsTowardPrice = true });

        var problem = Assert.Single(problems);
        Assert.Equal(ContractField.Installments, problem.Field);
        Assert.Contains("算了两次", problem.Message, StringComparison.Ordinal);
        Assert.Contains("1,180,000.00元", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADepositThatCountsTowardThePrice_PlusTheSchedule_MustMakeThePrice()
    {
        Assert.Empty(Problems(t => t with { DepositCountsTowardPrice = true }, Installment(1, 280_000m), Installment(2, 900_000m)));
        var problem = Assert.Single(Problems(t => t with { DepositCountsTowardPrice = true }, Installment(1, 280_000m), Installment(2, 899_999.99m)));
        Assert.Contains("共1,279,999.99元", problem.Message, StringComparison.Ordinal);
        Assert.Contains("付款计划合计应为1,180,000.00元", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeposit_NeedsToSayWhetherItCountsTowardThePrice_ButNoDepositNeedsNothing()
    {
        Assert.Equal([ContractField.DepositCountsTowardPrice], Problems(t => t with { DepositCountsTowardPrice = null }).Select(p => p.Field));
        Assert.Empty(Problems(t => t with { Deposit = null, DepositDueOn = null, DepositCountsTowardPrice = null }));
        Assert.Empty(Problems(t => t with { Deposit = 0m, DepositCountsTowardPrice = true }));
    }

    [Theory]
    [InlineData(PaymentMethod.Installments, true, 4)]
    [InlineData(PaymentMethod.Installments, false, 3)]
    [InlineData(PaymentMethod.CombinedLoan, true, 5)]
    [InlineData(PaymentMethod.HousingFundLoan, false, 4)]
    public void TheCopies_AreOnePerHolderNamed(PaymentMethod method, bool escrow, int holders)
    {
        ContractTerms With(int copies) => ContractSamples.CompleteTerms() with
        {
            PaymentMethod = method, FundsThroughEscrow = escrow, Copies = copies, LoanRefusal = LoanRefusalRemedy.BuyerPaysOtherwise,
        };

        Assert.Equal(holders, With(holders).CopyHolders().Count);
        Assert.Empty(ContractCompleteness.FindProblems(With(holders), ContractSamples.CompleteSchedule()));
        var problem = Assert.Single(ContractCompleteness.FindProblems(With(holders + 1), ContractSamples.CompleteSchedule()));
        Assert.Equal(ContractField.Copies, problem.Field);
        Assert.Contains($"共{holders}份；现在填写的是{holders + 1}份", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDates_RunFromTheDeposit_ThroughThePayments_ToDelivery()
    {
        Assert.Empty(Problems(t => t with { DepositDueOn = new DateOnly(2026, 12, 15), DeliveryDate = new DateOnly(2027, 2, 15) }));
        Assert.Equal([ContractField.DepositDueOn], Problems(t => t with { DepositDueOn = new DateOnly(2026, 12, 16) }).Select(p => p.Field));
        Assert.Equal([ContractField.DeliveryDate], Problems(t => t with { DeliveryDate = new DateOnly(2027, 2, 14) }).Select(p => p.Field));
        var outOfOrder = Assert.Single(Problems(t => t, new PaymentInstallment(1, new DateOnly(2027, 2, 1), 380_000m, "首付"), Installment(2, 900_000m, new DateOnly(2027, 1, 1))));
        Assert.Equal((ContractField.InstallmentDueOn, 1), (outOfOrder.Field, outOfOrder.Installment));
        var lumpSum = ContractSamples.CompleteTerms() with
        {
            PaymentMethod = PaymentMethod.LumpSum, DepositDueOn = new DateOnly(2027, 4, 1), DeliveryDate = new DateOnly(2027, 3, 1),
        };
        Assert.Equal([ContractField.DepositDueOn], ContractCompleteness.FindProblems(lumpSum, []).Select(p => p.Field));
    }

    [Fact]
    public void AnArbitrationName_GoesOnlyWithArbitration()
    {
        Assert.Equal([ContractField.ArbitrationCommission], Problems(t => t with { ArbitrationCommission = "武汉仲裁委员会" }).Select(p => p.Field));
        Assert.Empty(Problems(t => t with { DisputeResolution = DisputeResolution.Arbitration, ArbitrationCommission = "武汉仲裁委员会" }));
    }

    [Fact]
    public void TheLoanClause_IsNeededOnlyForALoan_AndTheLeaseOnlyForAHomeThatIsLet()
    {
        var loan = ContractSamples.CompleteTerms() with { PaymentMethod = PaymentMethod.CommercialLoan, Copies = 5 };
        Assert.Equal([ContractField.LoanRefusal], ContractCompleteness.FindProblems(loan, ContractSamples.CompleteSchedule()).Select(p => p.Field));
        Assert.Empty(ContractCompleteness.FindProblems(loan with { LoanRefusal = LoanRefusalRemedy.TerminateAndRefund }, ContractSamples.CompleteSchedule()));

        Assert.Equal([ContractField.LeaseEndsOn, ContractField.LeaseHandling], Problems(t => t with { IsLet = true }).Select(p => p.Field));
        Assert.Empty(Problems(t => t with { IsLet = true, LeaseEndsOn = new DateOnly(2027, 6, 30), LeaseHandling = LeaseHandling.BuyerTakesOver }));
        Assert.Equal([ContractField.IsLet], Problems(t => t with { IsLet = null }).Select(p => p.Field));
    }

    [Fact]
    public void ServiceAddresses_TransferRegistrationAndHandover_AreRequired()
    {
        var problems = Problems(t => t with
        {
            SellerServiceAddress = " ", BuyerServiceAddress = new string('址', ContractCompleteness.MaxAddressLength + 1),
            TransferRegistrationWithinDays = null, UtilitiesTransferDays = -1, MaintenanceFund = null,
        });

        Assert.Equal(
            [ContractField.SellerServiceAddress, ContractField.BuyerServiceAddress, ContractField.UtilitiesTransferDays,
                ContractField.MaintenanceFund, ContractField.TransferRegistrationWithinDays],
            problems.Select(p => p.Field));
    }

    [Fact]
    public void AFactTheRegistryLacks_MustBeSupplied_AndOneItHasMustNotBe()
    {
        var sparse = Home(f => f with { Structure = null, LandArea = null, CertificateIssuedOn = null, Floor = null, TotalFloors = null, RoomType = null });
        var full = Home(f => f);
        var supplied = new SuppliedHomeFacts { Structure = "混合", LandArea = 9.5m, CertificateIssuedOn = new DateOnly(2003, 5, 1), Floor = 3, TotalFloors = 7 };

        Assert.Equal(
            [ContractField.SuppliedStructure, ContractField.SuppliedLandArea, ContractField.SuppliedCertificateIssuedOn,
                ContractField.SuppliedFloor, ContractField.SuppliedTotalFloors],
            ProblemsFor(SuppliedHomeFacts.None, sparse).Select(p => p.Field));
        Assert.Empty(ProblemsFor(supplied, sparse));
        Assert.Empty(ProblemsFor(SuppliedHomeFacts.None, full));
        var restated = ProblemsFor(supplied with { RoomType = "一室" }, full);
        Assert.Equal(6, restated.Count);
        Assert.All(restated, p => Assert.Contains("不能由卖方另行填报", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void ASuppliedFact_MustBePlausible()
    {
        var sparse = Home(f => f with { Structure = null, LandArea = null, CertificateIssuedOn = null, Floor = null, TotalFloors = null });
        var good = new SuppliedHomeFacts { Structure = "混合", LandArea = 9.5m, CertificateIssuedOn = new DateOnly(2003, 5, 1), Floor = 3, TotalFloors = 7 };

        Assert.Equal([ContractField.SuppliedLandArea], ProblemsFor(good with { LandArea = 0m }, sparse).Select(p => p.Field));
        Assert.Equal([ContractField.SuppliedLandArea], ProblemsFor(good with { LandArea = 9.555m }, sparse).Select(p => p.Field));
        Assert.Equal([ContractField.SuppliedCertificateIssuedOn], ProblemsFor(good with { CertificateIssuedOn = new DateOnly(1949, 9, 30) }, sparse).Select(p => p.Field));
        Assert.Equal([ContractField.SuppliedFloor], ProblemsFor(good with { Floor = 8 }, sparse).Select(p => p.Field));
        Assert.Equal([ContractField.SuppliedFloor], ProblemsFor(good with { Floor = 0 }, sparse).Select(p => p.Field));
        Assert.Empty(ProblemsFor(good with { Floor = -1 }, sparse));
        Assert.Equal([ContractField.SuppliedStructure], ProblemsFor(good with { Structure = new string('砖', SuppliedHomeFacts.MaxTextLength + 1) }, sparse).Select(p => p.Field));
    }

    [Fact]
    public void Filing_IsRefused_UntilTheFactsTheRegistryLacksAreSupplied()
    {
        var home = new PropertyFactsBuilder().With(f => f with { Structure = null, CertificateIssuedOn = null });
        var (contract, listing) = new ContractBuilder(new ListingBuilder().WithHome(home)).BuildDraft();

        var problems = contract.FindFilingProblems(listing, ContractBuilder.DefaultParties);

        Assert.Equal([ContractField.SuppliedStructure, ContractField.SuppliedCertificateIssuedOn], problems.Select(p => p.Field));
    }

    [Fact]
    public void TheConfirmedFingerprint_CoversTheNewClausesAndTheSuppliedFacts()
    {
        var (contract, listing) = new ContractBuilder().BuildDraft();
        var before = ContractContent.Hash(contract, listing, ContractBuilder.DefaultParties);
        var hashes = new List<string> { before };
        foreach (var change in new Func<ContractTerms, ContractTerms>[]
                 {
                     t => t with { SellerServiceAddress = "另一个地址" },
                     t => t with { IsLet = true },
                     t => t with { DepositCountsTowardPrice = true },
                     t => t with { TransferRegistrationWithinDays = 61 },
                     t => t with { MaintenanceFund = MaintenanceFundHandling.BuyerRepaysBalance },
                     t => t with { Supplied = new SuppliedHomeFacts { Structure = "混合" } },
                     t => t with { Supplied = new SuppliedHomeFacts { LandArea = 1m } },
                 })
        {
            var (changed, changedListing) = new ContractBuilder().WithTerms(change).BuildDraft();
            hashes.Add(ContractContent.Hash(changed, changedListing, ContractBuilder.DefaultParties));
        }

        Assert.Equal(hashes.Count, hashes.Distinct().Count());
    }

    private static IReadOnlyList<ContractProblem> Problems(Func<ContractTerms, ContractTerms> change, params PaymentInstallment[] schedule) =>
        ContractCompleteness.FindProblems(change(ContractSamples.CompleteTerms()), schedule.Length > 0 ? schedule : ContractSamples.CompleteSchedule());

    private static IReadOnlyList<ContractProblem> ProblemsFor(SuppliedHomeFacts supplied, PropertyRecord home) =>
        ContractCompleteness.FindProblems(ContractSamples.CompleteTerms() with { Supplied = supplied }, ContractSamples.CompleteSchedule(), home);

    private static PropertyRecord Home(Func<PropertyFacts, PropertyFacts> change) => new PropertyFactsBuilder().With(change).BuildRecord();

    private static PaymentInstallment Installment(int order, decimal amount, DateOnly? dueOn = null) =>
        new(order, dueOn ?? (order == 1 ? new DateOnly(2026, 12, 15) : new DateOnly(2027, 2, 15)), amount, $"第{order}期");
}
