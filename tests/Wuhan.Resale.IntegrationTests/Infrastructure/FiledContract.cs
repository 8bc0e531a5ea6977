using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Testing;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Data.Seed;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Auditing;
using Wuhan.Resale.Web.Infrastructure.Telemetry;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>
/// A contract in the state 已生成合同 (<see cref="ContractStatus.Filed"/>) built without replaying the journey through the
/// pages, for tests whose subject comes after filing (download, 合同验真, revocation, the partner API, staff pages,
/// escrow …). Same shape as <see cref="FilingJourney.FiledAsync"/>, so a test switches by changing the one call.
/// </summary>
/// <remarks>
/// <para>What it does, each step with the call the portal makes, stamped with the host's clock (<see cref="Scenario.Now"/>):
/// the seller is signed in by the portal's own sign-in service (<see cref="SignedIn"/>); the embedded registry answers
/// their property query; the user notice consent is saved; <see cref="Listing.Verify"/> makes the listing;
/// <see cref="Listing.ConfirmBuyers"/> names the buyers and opens the draft; the draft gets
/// <see cref="ContractSamples.CompleteTerms"/>; then, as 确认提交 does once every code was accepted, the parties come from
/// the portal's <see cref="FilingParties"/>, the content fingerprint from <see cref="ContractContent.Hash"/>, and
/// <see cref="ContractNumbering.FileAsync"/> takes the next gap-free 合同编号 and calls <see cref="Contract.File"/> in its
/// transaction, with the <c>contract.filed</c> audit row; the filing counter of the portal's metrics goes up. The audit
/// rows <c>notice.consented</c>, <c>listing.verified</c>, <c>listing.buyers-saved</c> and <c>contract.filed</c> are
/// written with the seller as the actor and the same details as the pages write.</para>
/// <para>What it does NOT do, compared with the journey — a test that reads any of these keeps <see cref="FilingJourney"/>:
/// no SMS at all (no sign-in code, no query-done text, no filing codes and links, no 网签成功 notice to the parties);
/// no login ticket and no <c>login.succeeded</c> row; the property query is answered at once, not by the background
/// worker (no <c>query.requested</c>, <c>query.completed</c> or <c>query.notice-sent</c> rows, no query metrics); no
/// registry check of the buyers (no <c>buyers.registry-check</c> rows, nothing counted against the seller's daily
/// checks); no filing codes, no <see cref="PartyConfirmation"/> links, no <c>contract.filing-codes-sent</c> row; no
/// request data (IP address) on its audit rows. The journey's sign-ins move a fake clock on (by about a minute); the
/// shortcut leaves it where it is, so its rows carry the test's starting instant. It files only a home the seller owns
/// alone and that carries no mortgage (带押过户 waits for the bank: <c>MortgageTransferTests</c> go through the
/// journey), and it never files at the counter.</para>
/// </remarks>
public sealed record FiledContract(SellerJourney Seller, Guid ListingId, Guid ContractId, string ContractNumber)
{
    /// <summary>Files <paramref name="homeKey"/> of <paramref name="sellerKey"/> to the buyers named, with complete terms.</summary>
    /// <returns>The seller's signed-in client, the listing, the contract and its 合同编号.</returns>
    public static async Task<FiledContract> CreateAsync(PortalFactory factory, string sellerKey, string homeKey, params string[] buyerKeys)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(buyerKeys);
        if (buyerKeys.Length == 0)
        {
            throw new ArgumentException("A contract needs at least one buyer.", nameof(buyerKeys));
        }

        var citizen = DemoData.Citizen(sellerKey);
        var client = await SignedIn.CitizenAsync(factory, citizen);
        var listingId = await VerifyWithBuyersAsync(factory, citizen, homeKey, buyerKeys);
        await FilingJourney.CompleteTheContractAsync(factory, listingId);
        var (contractId, number) = await FileAsync(factory, listingId);
        return new FiledContract(new SellerJourney(factory, client, citizen), listingId, contractId, number);
    }

    /// <summary>The seller, as the audit trail names a signed-in citizen (their account and masked name).</summary>
    private static async Task<AuditActor> ActorAsync(ResaleDbContext db, Person person)
    {
        var userId = await db.Users.Where(u => u.PersonId == person.Id).Select(u => u.Id).SingleAsync();
        return new AuditActor(ActorKind.Citizen, userId, Masking.MaskName(person.Name));
    }

    /// <summary>房源核验 and 保存购房人信息, through the domain; returns the listing id.</summary>
    private static async Task<Guid> VerifyWithBuyersAsync(PortalFactory factory, DemoCitizen citizen, string homeKey, string[] buyerKeys)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ResaleDbContext>();
        var audit = services.GetRequiredService<AuditTrail>();
        var person = await services.GetRequiredService<SignInService>().FindPersonAsync(IdNumber.Parse(citizen.IdType, citizen.IdNumber), CancellationToken.None)
            ?? throw new InvalidOperationException($"{citizen.Name} is not signed in.");
        var seller = await ActorAsync(db, person);

        var query = await Scenario.SaveCompletedQueryAsync(db, services.GetRequiredService<IPropertyRegistry>(), person);
        var now = Scenario.Now(db);
        var consent = new NoticeConsent(Guid.CreateVersion7(now), person.Id, query.Id, UserNotice.Version, now, null);
        db.NoticeConsents.Add(consent);
        audit.Record("notice.consented", "PropertyQuery", query.Id.ToString(), "用户须知版本 " + UserNotice.Version, seller);
        await db.SaveChangesAsync();

        var certificate = DemoData.Property(homeKey).CertificateNumber;
        var home = query.Records.SingleOrDefault(r => r.CertificateNumber == certificate)
            ?? throw new InvalidOperationException($"The registry lists no home {certificate} for {citizen.Name}.");
        if (home.IsMortgaged)
        {
            throw new InvalidOperationException($"{homeKey} is mortgaged: 带押过户 waits for the bank; file it through FilingJourney.");
        }

        now = Scenario.Now(db);
        var policies = await db.RestrictionPolicies.AsNoTracking().ToListAsync();
        var hasLive = await db.Listings.AnyAsync(l => l.LiveCertificateNumber == home.CertificateNumber);
        var listing = Listing.Verify(Guid.CreateVersion7(now), ListingCode.New(now), person, home, consent, hasLive, policies, now);
        db.Listings.Add(listing);
        audit.Record("listing.verified", "Listing", listing.Id.ToString(),
            $"房源编码 {listing.ListingCode}，{listing.RestrictionClass.DisplayName()}，{listing.Status.DisplayName()}", seller);
        await db.SaveChangesAsync();

        var buyers = buyerKeys.Select(DemoData.Citizen)
            .Select(b => new BuyerDetails(b.Name, IdNumber.Parse(b.IdType, b.IdNumber), PhoneNumber.Parse(b.Phone)))
            .ToList();
        var contract = listing.ConfirmBuyers(buyers, null, person.Id, Scenario.Now(db));
        db.Contracts.Add(contract);
        audit.Record("listing.buyers-saved", "Listing", listing.Id.ToString(), $"购房人{buyers.Count}位", seller);
        await db.SaveChangesAsync();
        return listing.Id;
    }

    /// <summary>确认提交 once every party's code was accepted: the portal's numbering files the draft in one transaction.</summary>
    private static async Task<(Guid ContractId, string Number)> FileAsync(PortalFactory factory, Guid listingId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ResaleDbContext>();
        var audit = services.GetRequiredService<AuditTrail>();
        var contract = await db.Contracts.SingleAsync(c => c.ListingId == listingId);
        var listing = await db.Listings.Include(l => l.Home).ThenInclude(h => h!.Owners).SingleAsync(l => l.Id == listingId);
        var actor = await ActorAsync(db, await db.People.AsNoTracking().SingleAsync(p => p.Id == contract.SellerPersonId));

        var parties = await services.GetRequiredService<FilingParties>().OfAsync(listing, CancellationToken.None);
        var contentHash = ContractContent.Hash(contract, listing, parties);
        var now = Scenario.Now(db);
        var number = await services.GetRequiredService<ContractNumbering>().FileAsync(now, taken =>
        {
            contract.File(listing, taken, parties, contentHash, now);
            audit.Record("contract.filed", "Contract", contract.Id.ToString(), "合同编号 " + taken, actor);
        }, CancellationToken.None);
        services.GetRequiredService<PortalMetrics>().ContractFiled();
        return (contract.Id, number.Value);
    }
}
