using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.Messaging;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Domain.SignIn;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure.Retention;
using Wuhan.Resale.Web.Integrations;

namespace Wuhan.Resale.IntegrationTests.Scaling;

/// <summary>
/// The clean-up deletes what has served its purpose, in batches, and keeps what is still needed: open codes, recent
/// tickets, live captchas, today's queries and any query a verified home came from, recent SMS texts. One instance at a
/// time runs it.
/// </summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 20, 2, 0, 0, TimeSpan.Zero);

    private static PortalFactory Portal(DatabaseProvider provider, FakeTimeProvider clock, string? directory = null, string? database = null)
    {
        var factory = new PortalFactory(directory) { Clock = clock, Provider = provider, PostgreSqlDatabase = database };
        factory.Settings["Retention:BatchSize"] = "2"; // several batches for every kind below
        return factory;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TheCleanUp_DeletesWhatServedItsPurpose_AndKeepsWhatIsStillNeeded(DatabaseProvider provider)
    {
        using var portal = Portal(provider, new FakeTimeProvider(Now));
        Seeded seeded;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            seeded = await SeedAsync(scope.ServiceProvider.GetRequiredService<ResaleDbContext>(), scope.ServiceProvider.GetRequiredService<IPropertyRegistry>());
        }


        var result = await portal.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal(5, result.VerificationCodes);
        Assert.Equal(3, result.LoginTickets);
        Assert.Equal(3, result.CaptchaChallenges);
        Assert.Equal(3, result.PropertyQueries);
        Assert.Equal(3, result.SmsTextsBlanked);
        Assert.Equal(2, result.SmsRecords);
        Assert.Equal(3, result.RateCounters);
        Assert.Equal(3, result.IdempotencyRecords);

        await portal.WithDbAsync(async db =>
        {
            Assert.Equal(seeded.KeptCodes.Order(), (await db.VerificationCodes.Select(c => c.Id).ToListAsync()).Order());
            Assert.Equal(seeded.KeptTickets.Order(), (await db.LoginTickets.Select(t => t.Id).ToListAsync()).Order());
            Assert.Equal([seeded.LiveCaptcha], await db.CaptchaChallenges.Select(c => c.Id).ToListAsync());
            Assert.Equal(seeded.KeptQueries.Order(), (await db.PropertyQueries.Select(q => q.Id).ToListAsync()).Order());
            var used = await db.PropertyQueries.Include(q => q.Records).SingleAsync(q => q.Id == seeded.KeptQueries[0]);
            Assert.NotEmpty(used.Records);

            var sms = await db.SmsMessages.AsNoTracking().ToListAsync();
            Assert.Equal(4, sms.Count);
            Assert.Equal(3, sms.Count(m => m.Text == RetentionJob.BlankedText));
            Assert.Equal("您的验证码******，5分钟内有效。", Assert.Single(sms, m => m.Text != RetentionJob.BlankedText).Text);
            Assert.All(sms, m => Assert.Equal("13800000001", m.Phone)); // the record of who got a message stays readable to staff

            Assert.Equal(["sign-in:live"], await db.RateCounters.Select(c => c.Key).ToListAsync());
            Assert.Equal(["recent"], await db.IdempotencyRecords.Select(r => r.Key).ToListAsync());
            return 0;
        });

        // A second run finds nothing more.
        var again = await portal.Services.GetRequiredService<RetentionJob>().RunOnceAsync(CancellationToken.None);
        Assert.Equal(new RetentionResult(0, 0, 0, 0, 0, 0, 0, 0, 0), again);
    }

    [Fact]
    public async Task OnlyOneInstance_CleansUp_UntilItsLeaseRunsOut()
    {
        var clock = new FakeTimeProvider(Now);
        var directory = PortalFactory.NewDataDirectory();
        using var a = Portal(DatabaseProvider.Sqlite, clock, directory);
        using var b = Portal(DatabaseProvider.Sqlite, clock, directory);
        var jobA = a.Services.GetRequiredService<RetentionJob>();
        var jobB = b.Services.GetRequiredService<RetentionJob>();

        var first = await jobA.RunOnceAsync(CancellationToken.None);
        var other = await jobB.RunOnceAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));
        var renewed = await jobA.RunOnceAsync(CancellationToken.None);
        var stillOther = await jobB.RunOnceAsync(CancellationToken.None);

        // A stops renewing (its instance went away): two intervals later B takes over.
        clock.Advance(TimeSpan.FromHours(2));
        var takenOver = await jobB.RunOnceAsync(CancellationToken.None);
        var formerHolder = await jobA.RunOnceAsync(CancellationToken.None);

        Assert.NotNull(first);
        Assert.Null(other);
        Assert.NotNull(renewed);
        Assert.Null(stillOther);
        Assert.NotNull(takenOver);
        Assert.Null(formerHolder);
        Assert.Single(await a.WithDbAsync(db => db.JobLeases.AsNoTracking().ToListAsync()));
    }

    [Fact]
    public async Task TheCleanUp_RunsEveryInterval_WithoutBeingAsked()
    {
        var clock = new FakeTimeProvider(Now);
        using var portal = new PortalFactory { Clock = clock };
        portal.Settings["Retention:Enabled"] = "true";
        var captcha = new CaptchaChallenge(Guid.NewGuid(), Now.AddMinutes(4), Now);
        await portal.WithDbAsync(async db =>
        {
            db.CaptchaChallenges.Add(captcha);
            return await db.SaveChangesAsync();
        });

        // Still answerable at start-up, expired by the next hourly run, which the portal starts on its own.
        clock.Advance(TimeSpan.FromHours(1));
        var left = 1;
        for (var look = 0; look < 200 && left > 0; look++)
        {
            await Task.Delay(50);
            left = await portal.WithDbAsync(db => db.CaptchaChallenges.CountAsync(c => c.Id == captcha.Id));
        }

        Assert.Equal(0, left);
        Assert.NotNull(await portal.WithDbAsync(db => db.JobLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == RetentionJob.LeaseName)));
    }

    private sealed record Seeded(List<Guid> KeptCodes, List<Guid> KeptTickets, Guid LiveCaptcha, List<Guid> KeptQueries);

    private static async Task<Seeded> SeedAsync(ResaleDbContext db, IPropertyRegistry registry)
    {
        var phone = PhoneNumber.Parse("13800000001");
        var phoneHash = db.LookupHash(phone.Value);

        // Codes: five expired more than a day ago (used or not); one expired an hour ago and one still open stay.
        var keptCodes = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            db.VerificationCodes.Add(new VerificationCode(Guid.NewGuid(), CodePurpose.Login, "old" + i, phoneHash, "hash", Now.AddDays(-3)));
        }

        var recent = new VerificationCode(Guid.NewGuid(), CodePurpose.Login, "recent", phoneHash, "hash", Now.AddHours(-1));
        var open = new VerificationCode(Guid.NewGuid(), CodePurpose.Login, "open", phoneHash, "hash", Now.AddMinutes(-1));
        db.VerificationCodes.AddRange(recent, open);
        keptCodes.AddRange([recent.Id, open.Id]);

        // Login tickets: three expired days ago go, one of this hour stays.
        for (var i = 0; i < 3; i++)
        {
            db.LoginTickets.Add(new LoginTicket(Guid.NewGuid(), "token-old-" + i, "claim", Now.AddDays(-2)));
        }

        var ticket = new LoginTicket(Guid.NewGuid(), "token-recent", "claim", Now.AddMinutes(-30));
        db.LoginTickets.Add(ticket);

        // Captcha rows: kept only while their challenge could still be answered.
        for (var i = 0; i < 3; i++)
        {
            db.CaptchaChallenges.Add(new CaptchaChallenge(Guid.NewGuid(), Now.AddMinutes(-1 - i), Now.AddMinutes(-5)));
        }

        var live = new CaptchaChallenge(Guid.NewGuid(), Now.AddMinutes(4), Now.AddMinutes(-1));
        db.CaptchaChallenges.Add(live);

        // Property queries: three old ones nobody used go; an old one a verified home came from, and today's, stay.
        var person = await Scenario.SavePersonAsync(db, "seller-clean");
        var homes = await registry.FindHomesOfAsync(IdNumber.Parse(person.IdType, person.IdNumber), CancellationToken.None);
        PropertyQuery Query(DateTimeOffset at)
        {
            var query = new PropertyQuery(Guid.CreateVersion7(), "Q" + Guid.NewGuid().ToString("N")[..12], person.Id, person.Name, at);
            query.Complete(homes, at);
            db.PropertyQueries.Add(query);
            return query;
        }

        var used = Query(Now.AddDays(-5));
        for (var i = 0; i < 3; i++)
        {
            Query(Now.AddDays(-4));
        }

        var today = Query(Now.AddHours(-1));
        await db.SaveChangesAsync();
        await Scenario.VerifyAsync(db, person, used, DemoData.Property("home-clean").CertificateNumber);

        // SMS: texts older than 30 days are blanked, records older than 180 days deleted, yesterday's untouched.
        void Sms(DateTimeOffset at) => db.SmsMessages.Add(new SmsMessage(Guid.NewGuid(), phone.Value, "您的验证码******，5分钟内有效。", "Login", at));
        Sms(Now.AddDays(-1));
        Sms(Now.AddDays(-40));
        Sms(Now.AddDays(-41));
        Sms(Now.AddDays(-100));
        Sms(Now.AddDays(-200));
        Sms(Now.AddDays(-300));

        // Rate counters: windows that are over go.
        var seconds = Now.ToUnixTimeSeconds();
        db.RateCounters.AddRange(
            new RateCounter("sign-in:a", seconds - 180, seconds - 120, 3),
            new RateCounter("sign-in:b", seconds - 120, seconds - 60, 3),
            new RateCounter("sign-in:c", seconds - 60, seconds, 3),
            new RateCounter("sign-in:live", seconds, seconds + 60, 1));

        // A bank's stored answers: three given more than seven days ago go, one from six days ago is still replayed.
        var bank = Guid.CreateVersion7();
        db.IdempotencyRecords.AddRange(
            new IdempotencyRecord(bank, "old-1", new string('a', 64), 200, "{}", Now.AddDays(-30)),
            new IdempotencyRecord(bank, "old-2", new string('b', 64), 200, "{}", Now.AddDays(-8)),
            new IdempotencyRecord(bank, "old-3", new string('c', 64), 201, "{}", Now.AddDays(-7).AddMinutes(-1)),
            new IdempotencyRecord(bank, "recent", new string('d', 64), 200, "{}", Now.AddDays(-6)));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        return new Seeded(keptCodes, [ticket.Id], live.Id, [used.Id, today.Id]);
    }
}
