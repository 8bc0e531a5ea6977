using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.Web.Infrastructure;

/// <summary>Turns a verified person or a staff account into a fresh signed-in session.</summary>
public sealed class SignInService(
    ResaleDbContext db,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    UserSessions sessions,
    TimeProvider clock)
{
    /// <summary>
    /// Records the person after the registry confirmed name, ID number and phone together, and makes sure they have an
    /// account (no password). Two first sign-ins of one person at the same moment end with one person and one account.
    /// </summary>
    public async Task<(Person Person, ApplicationUser User)> EnsurePersonAndAccountAsync(
        string name, IdNumber idNumber, PhoneNumber phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var person = await FindPersonAsync(idNumber, cancellationToken);
                var now = clock.GetUtcNow();
                if (person is null)
                {
                    person = new Person(Guid.CreateVersion7(now), name, idNumber, phone, now);
                    db.People.Add(person);
                }
                else
                {
                    person.Reverify(phone, now);
                }

                await db.SaveChangesAsync(cancellationToken);
                return (person, await EnsureAccountAsync(person));
            }
            catch (DbUpdateException) when (attempt < 2)
            {
                // The other request won the insert: start again from what it saved.
                db.ChangeTracker.Clear();
            }
        }
    }

    public Task<Person?> FindPersonAsync(IdNumber idNumber, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        string[] hashes = [.. db.PersonalDataHashes(idNumber.Value)];
        return db.People.FirstOrDefaultAsync(
            p => hashes.Contains(EF.Property<string>(p, IdNumberLookup.HashColumn)) && p.IdType == idNumber.Type, cancellationToken);
    }

    private async Task<ApplicationUser> EnsureAccountAsync(Person person)
    {
        var user = await users.Users.FirstOrDefaultAsync(u => u.PersonId == person.Id);
        if (user is not null)
        {
            return user;
        }

        user = new ApplicationUser { UserName = $"citizen-{person.Id:N}", PersonId = person.Id, DisplayName = person.Name };
        var result = await users.CreateAsync(user);
        if (result.Succeeded)
        {
            return user;
        }

        db.ChangeTracker.Clear();
        return await users.Users.FirstOrDefaultAsync(u => u.PersonId == person.Id)
            ?? throw new InvalidOperationException("Could not create the citizen account: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }

    public async Task SignInCitizenAsync(ApplicationUser user, Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        await SignInAsync(user, SessionKind.Citizen, [
            new Claim(PortalClaims.PersonId, person.Id.ToString()),
            new Claim(PortalClaims.IdType, person.IdType.ToString()),
            new Claim(PortalClaims.IdNumberHash, db.PersonalDataHashes(person.IdNumber)[0]),
            new Claim(PortalClaims.IdNumberHashKey, db.Protector.CurrentKeyId),
            new Claim(PortalClaims.DisplayName, person.Name),
            new Claim(PortalClaims.AuditName, Masking.MaskName(person.Name)),
        ]);
    }

    /// <summary>
    /// A staff session. With <paramref name="mustEnrolTwoFactor"/> the session reaches only the enrolment page until
    /// the person has set up a second factor and been signed in again.
    /// </summary>
    public Task SignInStaffAsync(ApplicationUser user, bool mustEnrolTwoFactor = false)
    {
        ArgumentNullException.ThrowIfNull(user);
        List<Claim> claims = [
            new Claim(PortalClaims.DisplayName, user.DisplayName),
            new Claim(PortalClaims.AuditName, $"{user.DisplayName}（{user.UserName}）"),
        ];
        if (mustEnrolTwoFactor)
        {
            claims.Add(new Claim(PortalClaims.MustEnrolTwoFactor, "true"));
        }

        return SignInAsync(user, SessionKind.Staff, claims);
    }

    private async Task SignInAsync(ApplicationUser user, SessionKind kind, List<Claim> claims)
    {
        // A new session on every sign-in: whatever cookie the browser had is dropped first (and its session ended).
        if (signIn.Context.User.Identity?.IsAuthenticated == true)
        {
            await sessions.EndCurrentAsync(signIn.Context.User);
        }

        await signIn.SignOutAsync();
        claims.Add(new Claim(PortalClaims.SessionId, (await sessions.StartAsync(user, kind)).ToString()));
        claims.Add(new Claim(PortalClaims.SignedInAt, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
    }
}
