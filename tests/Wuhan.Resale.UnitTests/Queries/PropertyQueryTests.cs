using Wuhan.Resale.Domain;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.UnitTests.Builders;

namespace Wuhan.Resale.UnitTests.Queries;

public class PropertyQueryTests
{
    private static readonly DateTimeOffset _later = TestData.Now.AddMinutes(3);

    [Fact]
    public void New_IsPendingWithoutRecords()
    {
        var personId = Guid.NewGuid();

        var query = new PropertyQueryBuilder().ForPerson(personId).Build();

        Assert.Equal(PropertyQueryStatus.Pending, query.Status);
        Assert.Equal(personId, query.PersonId);
        Assert.Equal(TestData.Now, query.RequestedAt);
        Assert.Equal(0, query.Attempts);
        Assert.Null(query.CompletedAt);
        Assert.Null(query.LeasedUntil);
        Assert.Null(query.FailureReason);
        Assert.Empty(query.Records);
    }

    // Complete

    [Fact]
    public void Complete_AddsEveryHomeAsAQueryRecord_AndSetsCompletedAt()
    {
        var queryId = Guid.NewGuid();
        var query = new PropertyQueryBuilder().WithId(queryId).Build();
        query.StartAttempt(TestData.Now, TimeSpan.FromMinutes(5));

        query.Complete(
            [
                new PropertyFactsBuilder().WithCertificateNumber("证号A").Build(),
                new PropertyFactsBuilder().WithCertificateNumber("证号B").InDistrict(TestData.WuchangDistrict).Build(),
            ],
            _later);

        Assert.Equal(PropertyQueryStatus.Completed, query.Status);
        Assert.Equal(_later, query.CompletedAt);
        Assert.Null(query.LeasedUntil);
        Assert.Equal(["证号A", "证号B"], query.Records.Select(r => r.CertificateNumber));
        Assert.All(query.Records, r =>
        {
            Assert.Equal(PropertyRecordSource.Query, r.Source);
            Assert.Equal(queryId, r.QueryId);
        });
        Assert.Equal(TestData.WuchangDistrict, query.Records[1].DistrictCode);
    }

    [Fact]
    public void Complete_CopiesRegistryFactsIntoTheRecord()
    {
        var facts = new PropertyFactsBuilder()
            .WithEncumbrances(new Encumbrances(Seized: false, Mortgaged: true, UnderObjection: false, UnderAdvanceNotice: true))
            .OwnedBy(TestData.CoOwnerName, TestData.CoOwnerIdNumber, "50%")
            .Build();

        var record = new PropertyQueryBuilder().BuildCompleted(facts).Records[0];

        Assert.True(record.IsMortgaged);
        Assert.True(record.IsUnderAdvanceNotice);
        Assert.False(record.IsSeized);
        Assert.Equal("住宅", record.DesignPurpose);
        var owner = Assert.Single(record.Owners);
        Assert.Equal("50%", owner.Share);
        Assert.True(record.IsOwnedBy(Domain.ValueObjects.IdType.ResidentIdCard, TestData.CoOwnerIdNumber));
        Assert.False(record.IsOwnedBy(Domain.ValueObjects.IdType.Passport, TestData.CoOwnerIdNumber));
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("failed")]
    public void Complete_IsRefused_WhenTheQueryHasEnded(string state)
    {
        var query = QueryThatIs(state);
        var before = (query.Status, query.Records.Count, query.CompletedAt);

        var ex = Assert.Throws<DomainException>(
            () => query.Complete([new PropertyFactsBuilder().WithCertificateNumber("证号X").Build()], _later));

        Assert.Contains("不能重复写入结果", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, (query.Status, query.Records.Count, query.CompletedAt));
    }

    // Fail

    [Fact]
    public void Fail_MarksThePendingQueryFailed_WithTheTrimmedReason()
    {
        var query = new PropertyQueryBuilder().Build();
        query.StartAttempt(TestData.Now, TimeSpan.FromMinutes(5));

        query.Fail("  登记系统超时  ", _later);

        Assert.Equal(PropertyQueryStatus.Failed, query.Status);
        Assert.Equal("登记系统超时", query.FailureReason);
        Assert.Equal(_later, query.CompletedAt);
        Assert.Null(query.LeasedUntil);
    }

    [Fact]
    public void Fail_TruncatesALongReason_ToMaxFailureReasonLength()
    {
        var query = new PropertyQueryBuilder().Build();
        var reason = new string('错', PropertyQuery.MaxFailureReasonLength + 50);

        query.Fail(reason, _later);

        Assert.Equal(PropertyQuery.MaxFailureReasonLength, query.FailureReason!.Length);
        Assert.Equal(reason[..PropertyQuery.MaxFailureReasonLength], query.FailureReason);
    }

    [Fact]
    public void Fail_KeepsAReasonOfExactlyMaxFailureReasonLength()
    {
        var query = new PropertyQueryBuilder().Build();
        var reason = new string('错', PropertyQuery.MaxFailureReasonLength);

        query.Fail(reason, _later);

        Assert.Equal(reason, query.FailureReason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Fail_UsesADefaultText_WhenTheReasonIsEmpty(string reason)
    {
        var query = new PropertyQueryBuilder().Build();

        query.Fail(reason, _later);

        Assert.Equal("查询未能完成，请稍后重试。", query.FailureReason);
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("failed")]
    public void Fail_IsRefused_WhenTheQueryHasEnded(string state)
    {
        var query = QueryThatIs(state);
        var before = (query.Status, query.FailureReason, query.CompletedAt);

        var ex = Assert.Throws<DomainException>(() => query.Fail("另一个原因", _later));

        Assert.Contains("不能标记为失败", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, (query.Status, query.FailureReason, query.CompletedAt));
    }

    // IsUsableOn

    [Fact]
    public void IsUsableOn_IsTrue_WhenCompletedAndRequestedTheSameShanghaiDay()
    {
        var query = new PropertyQueryBuilder().BuildCompleted(new PropertyFactsBuilder().Build());

        Assert.True(query.IsUsableOn(TestData.Today));
    }

    [Fact]
    public void IsUsableOn_IsFalse_OnTheNextShanghaiDay()
    {
        var query = new PropertyQueryBuilder().BuildCompleted(new PropertyFactsBuilder().Build());

        Assert.False(query.IsUsableOn(TestData.Today.AddDays(1)));
    }

    [Theory]
    [InlineData("pending")]
    [InlineData("failed")]
    public void IsUsableOn_IsFalse_UnlessCompleted(string state)
    {
        Assert.False(QueryThatIs(state).IsUsableOn(TestData.Today));
    }

    [Fact]
    public void IsUsableOn_CountsARequestAt155959Utc_AsTheSameShanghaiDay()
    {
        // 2026-11-26T15:59:59Z is 23:59:59 on the 26th in Shanghai.
        var query = new PropertyQueryBuilder()
            .RequestedAt(new DateTimeOffset(2026, 11, 26, 15, 59, 59, TimeSpan.Zero))
            .BuildCompleted(new PropertyFactsBuilder().Build());

        Assert.True(query.IsUsableOn(new DateOnly(2026, 11, 26)));
        Assert.False(query.IsUsableOn(new DateOnly(2026, 11, 27)));
    }

    [Fact]
    public void IsUsableOn_CountsARequestAt160000Utc_AsTheNextShanghaiDay()
    {
        // 2026-11-26T16:00:00Z is 00:00:00 on the 27th in Shanghai.
        var query = new PropertyQueryBuilder()
            .RequestedAt(new DateTimeOffset(2026, 11, 26, 16, 0, 0, TimeSpan.Zero))
            .BuildCompleted(new PropertyFactsBuilder().Build());

        Assert.True(query.IsUsableOn(new DateOnly(2026, 11, 27)));
        Assert.False(query.IsUsableOn(new DateOnly(2026, 11, 26)));
    }

    // StartAttempt

    [Fact]
    public void StartAttempt_CountsTheAttemptAndLeasesTheQuery()
    {
        var query = new PropertyQueryBuilder().Build();

        query.StartAttempt(TestData.Now, TimeSpan.FromMinutes(5));
        query.StartAttempt(_later, TimeSpan.FromMinutes(2));

        Assert.Equal(2, query.Attempts);
        Assert.Equal(_later.AddMinutes(2), query.LeasedUntil);
        Assert.Equal(PropertyQueryStatus.Pending, query.Status);
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("failed")]
    public void StartAttempt_IsRefused_WhenTheQueryHasEnded(string state)
    {
        var query = QueryThatIs(state);

        var ex = Assert.Throws<DomainException>(() => query.StartAttempt(_later, TimeSpan.FromMinutes(5)));

        Assert.Contains("该查询已经结束", ex.Message, StringComparison.Ordinal);
        Assert.Equal(0, query.Attempts);
        Assert.Null(query.LeasedUntil);
    }

    // AddFromCertificateLookup

    [Theory]
    [InlineData("pending")]
    [InlineData("failed")]
    public void AddFromCertificateLookup_IsRefused_UnlessTheQueryCompleted(string state)
    {
        var query = QueryThatIs(state);

        var ex = Assert.Throws<DomainException>(
            () => query.AddFromCertificateLookup(new PropertyFactsBuilder().Build(), _later));

        Assert.Contains("查询完成后再按证号查询", ex.Message, StringComparison.Ordinal);
        Assert.Empty(query.Records);
    }

    [Fact]
    public void AddFromCertificateLookup_AddsARecordWithCertificateLookupSource()
    {
        var query = new PropertyQueryBuilder().BuildCompleted(new PropertyFactsBuilder().WithCertificateNumber("证号A").Build());

        var record = query.AddFromCertificateLookup(new PropertyFactsBuilder().WithCertificateNumber("证号B").Build(), _later);

        Assert.Equal(PropertyRecordSource.CertificateLookup, record.Source);
        Assert.Equal("证号B", record.CertificateNumber);
        Assert.Equal(query.Id, record.QueryId);
        Assert.Equal(2, query.Records.Count);
        Assert.Same(record, query.Records[1]);
    }

    [Fact]
    public void AddFromCertificateLookup_ReturnsTheExistingRecord_ForACertificateAlreadyListed()
    {
        var query = new PropertyQueryBuilder().BuildCompleted(new PropertyFactsBuilder().WithCertificateNumber("证号A").Build());
        var existing = query.Records[0];

        var record = query.AddFromCertificateLookup(
            new PropertyFactsBuilder().WithCertificateNumber("证号A").InDistrict(TestData.WuchangDistrict).Build(), _later);

        Assert.Same(existing, record);
        Assert.Equal(PropertyRecordSource.Query, record.Source);
        Assert.Single(query.Records);
    }

    [Theory]
    [InlineData(PropertyQueryStatus.Pending, "查询中")]
    [InlineData(PropertyQueryStatus.Completed, "已完成")]
    [InlineData(PropertyQueryStatus.Failed, "失败")]
    public void Status_HasAChineseName(PropertyQueryStatus status, string name)
    {
        Assert.Equal(name, status.DisplayName());
    }

    private static PropertyQuery QueryThatIs(string state) => state switch
    {
        "pending" => new PropertyQueryBuilder().Build(),
        "completed" => new PropertyQueryBuilder().BuildCompleted(new PropertyFactsBuilder().Build()),
        "failed" => new PropertyQueryBuilder().BuildFailed(),
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "No such query state."),
    };
}
