using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.Domain.Auditing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Staff;

namespace Wuhan.Resale.IntegrationTests.RealNameAuth;

/// <summary>
/// The staff sign-in must not confirm that a name exists: an unknown name, a wrong password and a locked account take
/// the same path — one password hash each, compared here by counting hashes rather than timing — and get the same
/// message; and one client address gets only so many failures.
/// </summary>
public sealed class StaffNameProbingTests : IDisposable
{
    private readonly CountingHasher _hasher = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public StaffNameProbingTests() => _factory = new PortalFactory
    {
        Clock = _clock,
        ConfigureServices = services =>
        {
            services.AddSingleton<IPasswordHasher<ApplicationUser>>(_hasher);
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        },
    };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task UnknownName_WrongPassword_AndLockedAccount_CostOneHashEach_AndReadTheSame()
    {
        var admin = DemoData.Set.Staff.Single(s => s.UserName == "admin");
        var answers = new List<(string? Message, int Hashes)>();
        answers.Add(await TryAsync("no-such-clerk", "whatever-password"));
        answers.Add(await TryAsync(admin.UserName, "wrong-password-0"));
        for (var i = 1; i < 5; i++)
        {
            await TryAsync(admin.UserName, "wrong-password-" + i);
        }

        answers.Add(await TryAsync(admin.UserName, admin.Password));

        Assert.All(answers, a => Assert.Equal((StaffController.RefusedMessage, 1), a));
    }

    [Fact]
    public async Task TwentyFailuresFromOneAddress_InFifteenMinutes_StopThatAddressOnly()
    {
        await _factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < StaffController.FailuresPerAddressPer15Minutes; i++)
            {
                db.AuditEvents.Add(new AuditEvent(Guid.NewGuid(), _clock.GetUtcNow().AddMinutes(-10), ActorKind.Anonymous, null, "匿名",
                    "staff.login.failed", "User", null, "用户名不存在或不是工作人员", "10.6.6.6", null));
            }

            return await db.SaveChangesAsync();
        });
        var staff = DemoData.Set.Staff.Single(s => s.UserName == "staff");

        var (limited, hashes) = await TryAsync(staff.UserName, staff.Password, "10.6.6.6");
        using var elsewhere = _factory.CreateClient(CitizenLogin.NoRedirects);
        elsewhere.DefaultRequestHeaders.Add(ClientAddressFromHeader.HeaderName, "10.6.6.7");
        var page = await Forms.GetDocumentAsync(elsewhere, "/staff/login");
        using var signedIn = await Forms.SubmitAsync(elsewhere, page, "form",
            new Dictionary<string, string?> { ["UserName"] = staff.UserName, ["Password"] = staff.Password });

        Assert.Equal((StaffController.LimitedMessage, 0), (limited, hashes));
        Assert.Equal("10.6.6.6", (await AuditLog.AssertAsync(_factory, "staff.login.limited", ActorKind.Anonymous, "User", null)).IpAddress);
        Assert.StartsWith(StaffLogin.CodePath, signedIn.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private async Task<(string? Message, int Hashes)> TryAsync(string userName, string password, string clientAddress = "10.6.0.1")
    {
        using var client = _factory.CreateClient(CitizenLogin.NoRedirects);
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.HeaderName, clientAddress);
        var page = await Forms.GetDocumentAsync(client, "/staff/login");
        var before = _hasher.Verifications;
        using var response = await Forms.SubmitAsync(client, page, "form",
            new Dictionary<string, string?> { ["UserName"] = userName, ["Password"] = password });
        var after = await Forms.ParseAsync(response);
        return (after.QuerySelector(".alert-error")?.TextContent.Trim(), _hasher.Verifications - before);
    }

    /// <summary>The real hasher, counting how many passwords it verifies.</summary>
    private sealed class CountingHasher : IPasswordHasher<ApplicationUser>
    {
        private readonly PasswordHasher<ApplicationUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(ApplicationUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
