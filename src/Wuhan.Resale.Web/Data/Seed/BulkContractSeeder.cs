using System.Buffers.Text;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.Domain.Common;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.Properties;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data.PersonalData;
using Wuhan.Resale.Web.Infrastructure.Auditing;

namespace Wuhan.Resale.Web.Data.Seed;

/// <summary>
/// <c>seed-contracts &lt;count&gt;</c>: synthetic contracts for volume runs (never in Production). Each contract comes with
/// what the journey leaves behind — the seller as a person, the property query and its home, the listing and its buyer,
/// the parties, and the audit events (listing verified, contract filed, revoked or registered) sealed into the chain.
/// Filing dates spread over the three years before yesterday, districts over the city's list, states as a city's
/// archive has them (most registered, some filed, a few revoked or still drafts). ID and phone numbers are encrypted
/// and hashed with the portal's keys; 合同编号 are taken as blocks from each year's counter, so the portal's next
/// filing continues after them.
/// </summary>
public sealed class BulkContractSeeder(ResaleDbContext db, IPersonalDataProtector protector, AuditChainKey chainKey, TimeProvider clock)
{
    public const int BatchSize = 10_000;
    public const int MaxCount = 5_000_000;

    private const int Seed = 20261202;
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高", "林", "何", "郭", "马", "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许", "傅", "沈", "曾", "彭", "吕"];
    private static readonly string[] GivenNames = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平", "刚", "桂英", "文涛", "晓燕", "立新", "慧敏", "志强", "雅琴", "建华", "海燕"];
    private static readonly string[] Streets = ["解放大道", "中山大道", "建设大道", "沿江大道", "珞喻路", "武珞路", "雄楚大道", "光谷大道", "汉阳大道", "鹦鹉大道", "和平大道", "友谊大道", "江汉路", "发展大道", "金银湖路"];

    /// <summary>Seeds <paramref name="count"/> contracts in batches of <see cref="BatchSize"/>, each batch in one transaction.</summary>
    public async Task<BulkSeedResult> SeedAsync(int count, TextWriter progress, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, MaxCount);
        ArgumentNullException.ThrowIfNull(progress);
        var watch = Stopwatch.StartNew();
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Code, d.Name }).ToListAsync(cancellationToken);
        if (districts.Count == 0)
        {
            throw new InvalidOperationException("No districts: start the portal once with its demo data (or load the district list) before seeding.");
        }

        // Distinct identities, certificate and listing codes per run: the run's base is how many contracts exist already.
        var runBase = await db.Contracts.LongCountAsync(cancellationToken);
        var random = new Random(Seed + (int)(runBase % 1_000_000));
        var plans = Plan(count, random, districts.Count);
        var numbers = await ReserveNumbersAsync(plans, cancellationToken);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (db.Database.IsSqlite())
            {
                // Random keyed hashes scatter index inserts over the whole file: a large page cache keeps them in memory.
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144", cancellationToken);
            }

            var chain = await ChainEndAsync(cancellationToken);
            using var writers = new BulkContractWriters(db, connection);
            var listingSerials = new Dictionary<DateOnly, int>();
            for (var start = 0; start < count; start += BatchSize)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var tx = transaction.GetDbTransaction();
                var audit = new List<AuditEvent>(BatchSize * 3);
                for (var i = start; i < Math.Min(count, start + BatchSize); i++)
                {
                    var district = districts[plans[i].District];
                    WriteOne(writers, tx, plans[i], runBase, runBase + i, numbers[i], district.Code, district.Name, listingSerials, random, audit);
                }

                foreach (var e in audit.OrderBy(e => e.OccurredAt))
                {
                    chain = (chain.Sequence + 1, chainKey.Hash(chain.Hash, chain.Sequence + 1, e));
                    writers.Audit.Write(e, chain.Sequence, chain.Hash, tx);
                }

                writers.Flush();

                await transaction.CommitAsync(cancellationToken);
                var done = Math.Min(count, start + BatchSize);
                if (done % 100_000 == 0 || done == count)
                {
                    await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {done:N0} / {count:N0} 份合同，{watch.Elapsed.TotalSeconds:F0} 秒"));
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return new BulkSeedResult(count, plans.Count(p => p.Status == ContractStatus.Draft), plans.Count(p => p.Status == ContractStatus.Filed),
            plans.Count(p => p.Status == ContractStatus.Registered), plans.Count(p => p.Status == ContractStatus.Revoked), watch.Elapsed);
    }

    /// <summary>Dates, states and districts of every contract, decided first so the numbers can be reserved per year.</summary>
    private ContractPlan[] Plan(int count, Random random, int districtCount)
    {
        var lastDay = WholeSeconds(clock.GetUtcNow().AddDays(-1));
        var span = TimeSpan.FromDays(3 * 365).Ticks;
        var plans = new ContractPlan[count];
        for (var i = 0; i < count; i++)
        {
            // Filings lean towards recent years (the market grows) and fall in office hours, Shanghai time.
            var age = TimeSpan.FromTicks((long)(span * Math.Pow(random.NextDouble(), 1.3)));
            var day = ShanghaiTime.DateOf(lastDay - age);
            var filed = WholeSeconds(ShanghaiTime.StartOfDay(day).AddHours(8.5 + (random.NextDouble() * 9.5)));
            var created = WholeSeconds(filed.AddHours(-(2 + (random.NextDouble() * 24 * 12))));
            var queried = created.AddMinutes(-(1 + random.Next(6 * 60)));
            var draw = random.NextDouble();
            var daysOld = (lastDay - filed).TotalDays;
            var status = draw < 0.03 ? ContractStatus.Draft
                : draw < 0.08 ? ContractStatus.Revoked
                : daysOld > 45 || (daysOld > 10 && draw < 0.6) ? ContractStatus.Registered
                : ContractStatus.Filed;
            DateTimeOffset? closed = status switch
            {
                ContractStatus.Revoked => filed.AddHours(1 + (random.NextDouble() * 24 * 20)),
                ContractStatus.Registered => filed.AddDays(5 + (random.NextDouble() * 40)),
                _ => null,
            };
            closed = closed > lastDay ? lastDay : closed is { } at ? WholeSeconds(at) : null;

            // Districts are weighted: the central ones see most sales.
            var district = (int)(districtCount * Math.Pow(random.NextDouble(), 1.6));
            plans[i] = new ContractPlan(queried, created, filed, closed, status, district);
        }

        return plans;
    }

    /// <summary>Takes a block of each year's 合同编号 counter for the filed contracts, as the filing page would one by one.</summary>
    private async Task<string?[]> ReserveNumbersAsync(ContractPlan[] plans, CancellationToken cancellationToken)
    {
        var result = new string?[plans.Length];
        foreach (var year in plans.Where(p => p.Status != ContractStatus.Draft).Select(p => ShanghaiTime.ToShanghai(p.FiledAt).Year).Distinct().Order())
        {
            var indexes = Enumerable.Range(0, plans.Length)
                .Where(i => plans[i].Status != ContractStatus.Draft && ShanghaiTime.ToShanghai(plans[i].FiledAt).Year == year)
                .OrderBy(i => plans[i].FiledAt).ToList();
            // A block taken atomically, like the filing page's one number: a filing during the run gets a number outside it.
            var first = await new NumberSequences(db).TakeBlockAsync(ContractNumber.SequenceName(year), indexes.Count, cancellationToken);
            for (var k = 0; k < indexes.Count; k++)
            {
                result[indexes[k]] = ContractNumber.Create(year, first + k).Value;
            }
        }

        return result;
    }

    private async Task<(long Sequence, string Hash)> ChainEndAsync(CancellationToken cancellationToken)
    {
        var last = await db.AuditEvents.AsNoTracking()
            .Where(e => EF.Property<long?>(e, AuditChain.SequenceProperty) != null)
            .OrderByDescending(e => EF.Property<long?>(e, AuditChain.SequenceProperty))
            .Select(e => new { Sequence = EF.Property<long?>(e, AuditChain.SequenceProperty), Hash = EF.Property<string?>(e, AuditChain.HashProperty) })
            .FirstOrDefaultAsync(cancellationToken);
        return (last?.Sequence ?? 0, last?.Hash ?? string.Empty);
    }

    private void WriteOne(
        BulkContractWriters w, DbTransaction tx, ContractPlan plan, long runBase, long n, string? number, string districtCode, string districtName,
        Dictionary<DateOnly, int> listingSerials, Random random, List<AuditEvent> audit)
    {
        var sellerId = Guid.CreateVersion7(plan.QueriedAt);
        var queryId = Guid.CreateVersion7(plan.QueriedAt);
        var recordId = Guid.CreateVersion7(plan.QueriedAt);
        var listingId = Guid.CreateVersion7(plan.CreatedAt);
        var contractId = Guid.CreateVersion7(plan.CreatedAt);
        var sellerName = NameOf(random);
        var buyerName = NameOf(random);
        var sellerIdNumber = ResidentId("420117", n);
        var buyerIdNumber = ResidentId("420116", n);
        var sellerPhone = "139" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var buyerPhone = "138" + (n % 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var certificate = string.Create(CultureInfo.InvariantCulture,
            $"鄂({ShanghaiTime.ToShanghai(plan.QueriedAt).Year - 1 - (int)(n % 15)})武汉市{districtName.TrimEnd('区')}不动产权第{10_000_000 + n}号");
        var location = string.Create(CultureInfo.InvariantCulture,
            $"武汉市{districtName}{Streets[random.Next(Streets.Length)]}{1 + random.Next(999)}号{1 + random.Next(30)}栋{1 + random.Next(4)}单元{1 + random.Next(33)}层{101 + random.Next(6)}室");
        var area = Math.Round(45m + (decimal)(random.NextDouble() * 140), 2);
        var live = plan.Status is ContractStatus.Draft or ContractStatus.Filed;

        w.Person["Id"] = sellerId;
        w.Person["Name"] = sellerName;
        w.Person["IdType"] = IdType.ResidentIdCard;
        w.Person["IdNumber"] = sellerIdNumber;
        w.Person[IdNumberLookup.HashColumn] = protector.PersonalDataHash(sellerIdNumber);
        w.Person["Phone"] = sellerPhone;
        w.Person["CreatedAt"] = plan.QueriedAt.AddMinutes(-3);
        w.Person["LastVerifiedAt"] = plan.QueriedAt.AddMinutes(-3);
        w.Person[ResaleDbContext.VersionProperty] = Guid.NewGuid();
        w.Person.Insert(tx);

        w.Query["Id"] = queryId;
        w.Query["QueryNumber"] = "CX" + ShanghaiTime.ToShanghai(plan.QueriedAt).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "S" + n.ToString(CultureInfo.InvariantCulture);
        w.Query["PersonId"] = sellerId;
        w.Query["ApplicantName"] = sellerName;
        w.Query["RequestedAt"] = plan.QueriedAt;
        w.Query["Status"] = PropertyQueryStatus.Completed;
        w.Query["CompletedAt"] = plan.QueriedAt.AddMinutes(1.5);
        w.Query["Attempts"] = 1;
        w.Query[ResaleDbContext.VersionProperty] = Guid.NewGuid();
        w.Query.Insert(tx);

        w.Record["Id"] = recordId;
        w.Record["QueryId"] = queryId;
        w.Record["Source"] = PropertyRecordSource.Query;
        w.Record["CertificateNumber"] = certificate;
        w.Record["DistrictCode"] = districtCode;
        w.Record["Location"] = location;
        w.Record["Structure"] = "钢筋混凝土结构";
        w.Record["BuildingArea"] = area;
        w.Record["DesignPurpose"] = "住宅";
        w.Record["Floor"] = 1 + random.Next(33);
        w.Record["TotalFloors"] = 33;
        w.Record["RoomType"] = "成套住宅";
        w.Record["BusinessType"] = "国有建设用地使用权及房屋所有权转移登记";
        w.Record["ResultType"] = "不动产权证书";
        w.Record["BusinessStatus"] = "已登簿";
        w.Record["InWuhan"] = true;
        w.Record["IsSeized"] = false;
        w.Record["IsMortgaged"] = false;
        w.Record["IsUnderObjection"] = false;
        w.Record["IsUnderAdvanceNotice"] = false;
        w.Record.Insert(tx);

        w.Owner["PropertyRecordId"] = recordId;
        w.Owner["Name"] = sellerName;
        w.Owner["IdType"] = IdType.ResidentIdCard;
        w.Owner["IdNumber"] = sellerIdNumber;
        w.Owner[IdNumberLookup.HashColumn] = protector.PersonalDataHash(sellerIdNumber);
        w.Owner["Share"] = "单独所有";
        w.Owner.Insert(tx);

        var verifiedOn = ShanghaiTime.DateOf(plan.CreatedAt);
        var serial = listingSerials.GetValueOrDefault(verifiedOn);
        listingSerials[verifiedOn] = serial + 1;
        var listingCode = ListingCode.Create(verifiedOn, (int)((runBase + serial) % 1_000_000)).Value;
        w.Listing["Id"] = listingId;
        w.Listing["ListingCode"] = listingCode;
        w.Listing["SellerPersonId"] = sellerId;
        w.Listing["PropertyRecordId"] = recordId;
        w.Listing["CertificateNumber"] = certificate;
        w.Listing["LiveCertificateNumber"] = live ? certificate : null;
        w.Listing["DistrictCode"] = districtCode;
        w.Listing["RestrictionClass"] = random.NextDouble() < 0.7 ? RestrictionClass.Restricted : RestrictionClass.NotRestricted;
        w.Listing["Status"] = plan.Status switch
        {
            ContractStatus.Draft => ListingStatus.BuyersConfirmed,
            ContractStatus.Filed => ListingStatus.Filed,
            ContractStatus.Registered => ListingStatus.Completed,
            _ => ListingStatus.Released,
        };
        w.Listing["NoticeVersion"] = UserNotice.Version;
        w.Listing["NoticeConsentedAt"] = plan.CreatedAt.AddMinutes(-1);
        w.Listing["CreatedAt"] = plan.CreatedAt;
        w.Listing["UpdatedAt"] = plan.ClosedAt ?? (plan.Status == ContractStatus.Draft ? plan.CreatedAt.AddMinutes(20) : plan.FiledAt);
        w.Listing["MortgageTransfer"] = false;
        w.Listing[ResaleDbContext.VersionProperty] = Guid.NewGuid();
        w.Listing.Insert(tx);

        w.Buyer["Id"] = Guid.CreateVersion7(plan.CreatedAt);
        w.Buyer["ListingId"] = listingId;
        w.Buyer["Order"] = 1;
        w.Buyer["Name"] = buyerName;
        w.Buyer["IdType"] = IdType.ResidentIdCard;
        w.Buyer["IdNumber"] = buyerIdNumber;
        w.Buyer[IdNumberLookup.HashColumn] = protector.PersonalDataHash(buyerIdNumber);
        w.Buyer["Phone"] = buyerPhone;
        w.Buyer.Insert(tx);

        var filed = plan.Status != ContractStatus.Draft;
        var price = Math.Round(area * (120m + (decimal)(random.NextDouble() * 280)), 0) * 100;
        w.Contract["Id"] = contractId;
        w.Contract["FundsHeldInEscrow"] = false;
        w.Contract["ListingId"] = listingId;
        w.Contract["SellerPersonId"] = sellerId;
        w.Contract["ContractNumber"] = number;
        w.Contract["FiledContentHash"] = filed ? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(number + listingCode))) : null;
        w.Contract["VerificationToken"] = filed ? Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24)) : null;
        w.Contract["Status"] = plan.Status;
        w.Contract["CreatedAt"] = plan.CreatedAt;
        w.Contract["UpdatedAt"] = plan.ClosedAt ?? (filed ? plan.FiledAt : plan.CreatedAt.AddMinutes(20));
        w.Contract["FiledAt"] = filed ? plan.FiledAt : null;
        w.Contract["RevokedAt"] = plan.Status == ContractStatus.Revoked ? plan.ClosedAt : null;
        w.Contract["RevokedBy"] = plan.Status == ContractStatus.Revoked ? "卖方" + Masking.MaskName(sellerName) : null;
        w.Contract["RegisteredAt"] = plan.Status == ContractStatus.Registered ? plan.ClosedAt : null;
        w.Contract["Terms.HasCoOwners"] = false;
        w.Contract["Terms.Price"] = price;
        w.Contract["Terms.PaymentMethod"] = random.NextDouble() < 0.6 ? PaymentMethod.CommercialLoan : PaymentMethod.LumpSum;
        w.Contract["Terms.FundsThroughEscrow"] = true;
        w.Contract["Terms.Deposit"] = Math.Round(price / 2000, 0) * 100;
        w.Contract["Terms.DeliveryDate"] = ShanghaiTime.DateOf(plan.FiledAt).AddDays(60);
        w.Contract["Terms.TaxBearer"] = TaxBearer.EachAsLawProvides;
        w.Contract["Terms.DisputeResolution"] = DisputeResolution.Court;
        w.Contract["Terms.Copies"] = 3;
        w.Contract[ResaleDbContext.VersionProperty] = Guid.NewGuid();
        w.Contract.Insert(tx);

        var sellerActor = Masking.MaskName(sellerName);
        audit.Add(new AuditEvent(Guid.CreateVersion7(plan.CreatedAt), plan.CreatedAt, ActorKind.Citizen, sellerId.ToString(), sellerActor,
            "listing.verified", "Listing", listingId.ToString(), $"房源编码 {listingCode}", null, null));
        if (!filed)
        {
            return;
        }

        WriteParty(w, tx, contractId, 1, PartyRole.Seller, sellerName, sellerIdNumber, sellerPhone, "单独所有", plan.FiledAt);
        WriteParty(w, tx, contractId, 2, PartyRole.Buyer, buyerName, buyerIdNumber, buyerPhone, null, plan.FiledAt);
        audit.Add(new AuditEvent(Guid.CreateVersion7(plan.FiledAt), plan.FiledAt, ActorKind.Citizen, sellerId.ToString(), sellerActor,
            "contract.filed", "Contract", contractId.ToString(), "合同编号 " + number, null, null));
        if (plan.Status == ContractStatus.Revoked)
        {
            audit.Add(new AuditEvent(Guid.CreateVersion7(plan.ClosedAt!.Value), plan.ClosedAt.Value, ActorKind.Citizen, sellerId.ToString(), sellerActor,
                "contract.revoked", "Contract", contractId.ToString(), $"合同编号 {number}，由卖方{sellerActor}撤销", null, null));
        }
        else if (plan.Status == ContractStatus.Registered)
        {
            audit.Add(new AuditEvent(Guid.CreateVersion7(plan.ClosedAt!.Value), plan.ClosedAt.Value, ActorKind.Partner, null, "不动产登记中心",
                "contract.registered", "Contract", contractId.ToString(), "合同编号 " + number, null, null));
        }
    }

    private void WriteParty(BulkContractWriters w, DbTransaction tx, Guid contractId, int order, PartyRole role, string name, string idNumber, string phone, string? share, DateTimeOffset at)
    {
        w.Party["Id"] = Guid.CreateVersion7(at);
        w.Party["ContractId"] = contractId;
        w.Party["Order"] = order;
        w.Party["Role"] = role;
        w.Party["Name"] = name;
        w.Party["IdType"] = IdType.ResidentIdCard;
        w.Party["IdNumber"] = idNumber;
        w.Party[IdNumberLookup.HashColumn] = protector.PersonalDataHash(idNumber);
        w.Party["Phone"] = phone;
        w.Party["Share"] = share;
        w.Party.Insert(tx);
    }

    /// <summary>
    /// Times to the second: SQLite keeps ticks to 0.1 ms only, and an audit row's chain hash covers its time as stored.
    /// </summary>
    private static DateTimeOffset WholeSeconds(DateTimeOffset at) =>
        new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

    private static string NameOf(Random random) => Surnames[random.Next(Surnames.Length)] + GivenNames[random.Next(GivenNames.Length)];

    /// <summary>A well-formed 18-digit resident ID (with its check digit), distinct for each <paramref name="n"/> below 20 million.</summary>
    internal static string ResidentId(string region, long n)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays((int)(n / 1000 % 20_000));
        var body = region + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (n % 1000).ToString("D3", CultureInfo.InvariantCulture);
        return body + IdNumber.ComputeCheckCharacter(body);
    }

    private readonly record struct ContractPlan(
        DateTimeOffset QueriedAt, DateTimeOffset CreatedAt, DateTimeOffset FiledAt, DateTimeOffset? ClosedAt, ContractStatus Status, int District);
}
