using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.Features.RealNameAuth;

/// <summary>Turns a verified person or a staff account into a fresh signed-in session.</summary>
public sealed class SignInService(
    ResaleDbContext db,
    UserManager<ApplicationUser> users,
    SignInManager<ApplicationUser> signIn,
    TimeProvider clock)
{
    /// <summary>Finds or records the person after a successful real-name check; the phone may have changed.</summary>
    public async Task<Person> RecordVerifiedPersonAsync(string name, IdNumber idNumber, PhoneNumber phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(idNumber);
        var hash = db.LookupHash(idNumber.Value);
        var person = await db.People.FirstOrDefaultAsync(
            p => EF.Property<string>(p, "IdNumberHash") == hash && p.IdType == idNumber.Type, cancellationToken);
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

        return person;
    }

    /// <summary>The account of a verified person, created on their first sign-in; it has no password.</summary>
    public async Task<ApplicationUser> EnsureCitizenAccountAsync(Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        var user = await users.Users.FirstOrDefaultAsync(u => u.PersonId == person.Id);
        if (user is not null)
        {
            return user;
        }

        user = new ApplicationUser { UserName = $"citizen-{person.Id:N}", PersonId = person.Id, DisplayName = person.Name };
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Could not create the citizen account: " + string.Join("; ", result.Errors.Select(e => e.Code)));
        }

        return user;
    }

    public async Task SignInCitizenAsync(ApplicationUser user, Person person)
    {
        ArgumentNullException.ThrowIfNull(person);
        await SignInAsync(user, [
            new Claim(PortalClaims.PersonId, person.Id.ToString()),
            new Claim(PortalClaims.DisplayName, person.Name),
            new Claim(PortalClaims.AuditName, Masking.MaskName(person.Name)),
        ]);
    }

    public Task SignInStaffAsync(ApplicationUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return SignInAsync(user, [
            new Claim(PortalClaims.DisplayName, user.DisplayName),
            new Claim(PortalClaims.AuditName, $"{user.DisplayName}（{user.UserName}）"),
        ]);
    }

    private async Task SignInAsync(ApplicationUser user, List<Claim> claims)
    {
        // A new session on every sign-in: whatever cookie the browser had is dropped first.
        await signIn.SignOutAsync();
        claims.Add(new Claim(PortalClaims.SignedInAt, clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
    }
}
