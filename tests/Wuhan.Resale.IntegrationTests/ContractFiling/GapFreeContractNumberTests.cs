using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.ContractFiling;

/// <summary>合同编号 without gaps, on SQLite.</summary>
public sealed class GapFreeContractNumberTests() : GapFreeContractNumberContract(DatabaseProvider.Sqlite);

/// <summary>合同编号 without gaps, on PostgreSQL (the counter's row lock instead of SQLite's single writer).</summary>
public sealed class GapFreeContractNumberOnPostgreSqlTests() : GapFreeContractNumberContract(DatabaseProvider.PostgreSql);

/// <summary>
/// Auditors read the year's 合同编号 as an official sequence: a refused filing, a filing that loses a race and a filing
/// that crashes after taking its number must not leave a hole between the numbers of the contracts that were filed.
/// </summary>
public abstract partial class GapFreeContractNumberContract : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly NumberingGate _gate = new();
    private readonly PortalFactory _factory;

    protected GapFreeContractNumberContract(DatabaseProvider provider) => _factory = new PortalFactory
    {
        Clock = _clock,
        Provider = provider,
        ConfigureServices = services =>
        {
            services.AddSingleton(_gate);
            services.AddScoped<NumberSequences, GatedNumberSequences>();
        },
    };

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task RefusedRacingAndCrashedFilings_AroundSuccessfulOnes_LeaveNoGapInTheNumbers()
    {
        // A plain filing first.
        var first = await FilingJourney.FiledAsync(_factory, "seller-clean", "home-clean", "buyer-1");

        // A filing refused for a wrong code, then the same filing crashing after it took its number, before the commit.
        var (seller, _, crashed) = await FilingJourney.ReadyToFileAsync(_factory, "seller-two-homes", "home-dxh-clean", "buyer-2");
        var page = await FilingJourney.SendCodesAsync(seller.Client, crashed);
        var codes = await FilingJourney.CodesForAsync(_factory, "buyer-2", "seller-two-homes");
        using var refused = await FilingJourney.ConfirmAsync(seller.Client, page, [codes[0] == "000000" ? "111111" : "000000", codes[1]]);
        _gate.CrashAfterNextTake();
        using var crash = await FilingJourney.ConfirmAsync(seller.Client, await Forms.ParseAsync(refused), codes);

        // Two submissions of one contract at once, both past their checks (every party agreed on their own phone): the
        // gate holds each before its number until both are there, so both take one and the loser must give it back.
        var (racer, _, raced) = await FilingJourney.ReadyToFileAsync(_factory, "seller-wedz", "home-wedz", "buyer-3");
        await FilingJourney.SendCodesAsync(racer.Client, raced);
        await AgreeOnOwnPhoneAsync("buyer-3");
        await AgreeOnOwnPhoneAsync("seller-wedz");
        var racePage = await Forms.GetDocumentAsync(racer.Client, $"/contracts/{raced}/file");
        _gate.MeetBeforeTake(2);
        var race = await Task.WhenAll(FilingJourney.ConfirmAsync(racer.Client, racePage, [null, null]), FilingJourney.ConfirmAsync(racer.Client, racePage, [null, null]));

        // The crashed contract is filed at last, with new codes.
        _clock.Advance(TimeSpan.FromMinutes(2));
        var again = await FilingJourney.SendCodesAsync(seller.Client, crashed);
        using var filedAtLast = await FilingJourney.ConfirmAsync(seller.Client, again, await FilingJourney.CodesForAsync(_factory, "buyer-2", "seller-two-homes"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, crash.StatusCode);
        Assert.Equal(["/contracts?message=already-filed", "/contracts?message=filed"], race.Select(r => r.Headers.Location?.OriginalString).Order());
        Assert.Equal("/contracts?message=filed", filedAtLast.Headers.Location?.OriginalString);
        var filed = await _factory.WithDbAsync(db => db.Contracts.AsNoTracking().Where(c => c.ContractNumber != null)
            .Select(c => new { c.Id, c.ContractNumber }).ToListAsync());
        var sequences = filed.Select(c => ContractNumber.TryParse(c.ContractNumber, out var n) ? n.Sequence : 0).Order().ToList();
        Assert.Equal([1L, 2L, 3L], sequences);
        Assert.Equal(first.ContractNumber, filed.Single(c => c.Id == first.ContractId).ContractNumber);
        Assert.Contains(filed, c => c.Id == raced);
        Assert.Contains(filed, c => c.Id == crashed);

        // The crash and the lost race each took a number that was handed out again afterwards.
        Assert.Equal([1L, 2L, 2L, 3L, 3L], _gate.Taken.Order());
        foreach (var response in race)
        {
            response.Dispose();
        }
    }

    private async Task AgreeOnOwnPhoneAsync(string citizenKey)
    {
        var phone = _factory.CreateClient(CitizenLogin.NoRedirects);
        var sms = (await CitizenLogin.SmsTextsAsync(_factory, DemoData.Citizen(citizenKey).Phone)).Last(t => t.Contains("/sign/", StringComparison.Ordinal));
        var page = await Forms.GetDocumentAsync(phone, SignLink().Match(sms).Value);
        var code = (await FilingJourney.CodesForAsync(_factory, citizenKey))[0];
        using var agreed = await Forms.SubmitAsync(phone, page, ".sign-form", new Dictionary<string, string?> { ["code"] = code });
        Assert.Equal(HttpStatusCode.Redirect, agreed.StatusCode);
    }

    [GeneratedRegex("/sign/[A-Za-z0-9_-]+")]
    private static partial Regex SignLink();

    /// <summary>What the numbering double does next: hold takers until a number of them arrive, or fail once after taking.</summary>
    public sealed class NumberingGate
    {
        private readonly object _lock = new();
        private int _waitingFor;
        private int _arrived;
        private TaskCompletionSource _met = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _crashNext;

        public ConcurrentQueue<long> Taken { get; } = new();

        public void MeetBeforeTake(int takers)
        {
            lock (_lock)
            {
                (_waitingFor, _arrived, _met) = (takers, 0, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            }
        }

        public void CrashAfterNextTake() => _crashNext = true;

        public Task ArriveAsync()
        {
            lock (_lock)
            {
                if (_waitingFor == 0)
                {
                    return Task.CompletedTask;
                }

                if (++_arrived == _waitingFor)
                {
                    _waitingFor = 0;
                    _met.SetResult();
                }

                // A safety net against a deadlock in the code under test, not a timing assertion.
                return _met.Task.WaitAsync(TimeSpan.FromMinutes(2));
            }
        }

        public void Took(long number)
        {
            Taken.Enqueue(number);
            if (_crashNext)
            {
                _crashNext = false;
                throw new InvalidOperationException("Simulated crash after the contract number was taken.");
            }
        }
    }

    /// <summary>The real counter, with the gate around it.</summary>
    private sealed class GatedNumberSequences(ResaleDbContext db, NumberingGate gate) : NumberSequences(db)
    {
        public override async Task<long> TakeAsync(string name, CancellationToken cancellationToken)
        {
            await gate.ArriveAsync();
            var number = await base.TakeAsync(name, cancellationToken);
            gate.Took(number);
            return number;
        }
    }
}
