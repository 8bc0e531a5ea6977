using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Districts;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Integrations.Embedded;

namespace Wuhan.Resale.Web.Data.Seed;

/// <summary>
/// Fills districts, the 限购 policy table, the embedded registries and the demo staff from demo-data.json.
/// Idempotent: every row is matched by its natural key, so a second start adds nothing and an edited file
/// updates what changed.
/// </summary>
public sealed partial class DemoDataSeeder(
    ResaleDbContext db,
    UserManager<ApplicationUser> users,
    IUserStore<ApplicationUser> userStore,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    IHostEnvironment environment,
    ILogger<DemoDataSeeder> logger)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "Data", "Seed", "demo-data.json");

    public static DemoDataSet Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<DemoDataSet>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"The demo data file {path} is empty.");
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var path = configuration["Seed:DemoDataPath"] is { Length: > 0 } configured ? configured : DefaultPath;
        var data = Load(path);
        Validate(data);

        await SeedDistrictsAsync(data, cancellationToken);
        await SeedPoliciesAsync(data, cancellationToken);
        await SeedCitizensAsync(data, cancellationToken);
        await SeedPropertiesAsync(data, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await EnsureRolesAsync();
        if (!Infrastructure.Hardening.PortalEnvironments.AllowsDemoFeatures(environment))
        {
            // Demo passwords and keys are published in the README: they exist only in Development and Demo.
            await BootstrapAdministratorAsync();
        }
        else
        {
            await SeedStaffAsync(data);
            await SeedPartnersAsync(data, cancellationToken);
        }

        LogSeeded(logger, data.Districts.Count, data.Citizens.Count, data.Properties.Count, data.Staff.Count);
    }

    /// <summary>Without demo data (as Production requires): the roles and the configured first administrator only.</summary>
    public async Task BootstrapAsync()
    {
        await EnsureRolesAsync();
        await BootstrapAdministratorAsync();
    }

    /// <summary>Refuses a data file with an invalid ID or phone number rather than seeding bad demo data.</summary>
    private static void Validate(DemoDataSet data)
    {
        foreach (var citizen in data.Citizens)
        {
            if (!IdNumber.TryParse(citizen.IdType, citizen.IdNumber, out _, out var idError))
            {
                throw new InvalidOperationException($"Demo citizen '{citizen.Key}': {idError}");
            }

            if (!PhoneNumber.TryParse(citizen.Phone, out _, out var phoneError))
            {
                throw new InvalidOperationException($"Demo citizen '{citizen.Key}': {phoneError}");
            }
        }

        var keys = data.Citizens.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var owner in data.Properties.SelectMany(p => p.Owners.Select(o => (p.Key, o.CitizenKey))))
        {
            if (!keys.Contains(owner.CitizenKey))
            {
                throw new InvalidOperationException($"Demo property '{owner.Key}' names an unknown owner '{owner.CitizenKey}'.");
            }
        }
    }

    private async Task SeedDistrictsAsync(DemoDataSet data, CancellationToken cancellationToken)
    {
        var existing = await db.Districts.ToDictionaryAsync(d => d.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var d in data.Districts)
        {
            var office = new DistrictOffice(d.Office.Name, d.Office.Address, d.Office.Phone, d.Office.Hours);
            if (existing.TryGetValue(d.Code, out var district))
            {
                district.Update(d.Name, d.Kind, office);
            }
            else
            {
                db.Districts.Add(new District(d.Code, d.Name, d.Kind, office));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedPoliciesAsync(DemoDataSet data, CancellationToken cancellationToken)
    {
        var existing = await db.RestrictionPolicies
            .Select(p => new { p.DistrictCode, p.EffectiveFrom })
            .ToListAsync(cancellationToken);
        var known = existing.Select(p => (p.DistrictCode, p.EffectiveFrom)).ToHashSet();
        foreach (var p in data.RestrictionPolicies.Where(p => !known.Contains((p.DistrictCode, p.EffectiveFrom))))
        {
            db.RestrictionPolicies.Add(new RestrictionPolicy(Guid.CreateVersion7(), p.DistrictCode, p.EffectiveFrom, p.Restricted, p.Note));
        }
    }

    private async Task SeedCitizensAsync(DemoDataSet data, CancellationToken cancellationToken)
    {
        var existing = await db.EmbeddedCitizens.ToDictionaryAsync(c => c.Key, StringComparer.Ordinal, cancellationToken);
        foreach (var c in data.Citizens)
        {
            if (!existing.TryGetValue(c.Key, out var citizen))
            {
                citizen = new EmbeddedCitizen { Id = Guid.CreateVersion7(), Key = c.Key };
                db.EmbeddedCitizens.Add(citizen);
            }

            citizen.Name = c.Name;
            citizen.IdType = c.IdType;
            citizen.IdNumber = IdNumber.Parse(c.IdType, c.IdNumber).Value;
            citizen.Phone = PhoneNumber.Parse(c.Phone).Value;
        }
    }

    private async Task SeedPropertiesAsync(DemoDataSet data, CancellationToken cancellationToken)
    {
        var citizens = data.Citizens.ToDictionary(c => c.Key, StringComparer.Ordinal);
        var existing = await db.EmbeddedProperties.Include(p => p.Owners)
            .ToDictionaryAsync(p => p.Key, StringComparer.Ordinal, cancellationToken);
        foreach (var p in data.Properties)
        {
            if (!existing.TryGetValue(p.Key, out var home))
            {
                home = new EmbeddedProperty { Id = Guid.CreateVersion7(), Key = p.Key };
                db.EmbeddedProperties.Add(home);
            }

            home.CopyFactsFrom(p);
            home.Seized = p.Encumbrances.Contains(DemoEncumbrance.Seizure);
            home.Mortgaged = p.Encumbrances.Contains(DemoEncumbrance.Mortgage);
            home.UnderObjection = p.Encumbrances.Contains(DemoEncumbrance.Objection);
            home.UnderAdvanceNotice = p.Encumbrances.Contains(DemoEncumbrance.AdvanceNotice);

            var owners = p.Owners.Select(o => ToOwner(citizens[o.CitizenKey], o.Share)).ToList();
            var same = home.Owners.Count == owners.Count && home.Owners.Zip(owners).All(x =>
                x.First.Name == x.Second.Name && x.First.IdType == x.Second.IdType
                && x.First.IdNumber == x.Second.IdNumber && x.First.Share == x.Second.Share);
            if (!same)
            {
                home.Owners.Clear();
                home.Owners.AddRange(owners);
            }
        }
    }

    private async Task SeedPartnersAsync(DemoDataSet data, CancellationToken cancellationToken)
    {
        var existing = await db.Partners.ToListAsync(cancellationToken);
        foreach (var p in data.Partners)
        {
            if (existing.Find(e => e.Name == p.Name) is not { } stored)
            {
                db.Partners.Add(new Domain.Partners.Partner(Guid.CreateVersion7(), p.Name, p.Department, PartnerKeys.Hash(db, p.ApiKey), p.InstitutionCode));
                continue;
            }

            if (p.InstitutionCode is not null && stored.InstitutionCode is null)
            {
                stored.AssignInstitutionCode(p.InstitutionCode);
            }

            if (stored.KeyHash == PartnerKeys.LegacyHash(db, p.ApiKey))
            {
                // Seeded before keys were hashed exactly as given: the demo key keeps working, in its own spelling only.
                stored.ReplaceKeyHash(PartnerKeys.Hash(db, p.ApiKey));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static EmbeddedPropertyOwner ToOwner(DemoCitizen citizen, string share) => new()
    {
        Name = citizen.Name,
        IdType = citizen.IdType,
        IdNumber = IdNumber.Parse(citizen.IdType, citizen.IdNumber).Value,
        Share = share,
    };

    private async Task EnsureRolesAsync()
    {
        foreach (var role in new[] { Roles.CounterClerk, Roles.Administrator })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                EnsureSucceeded(await roles.CreateAsync(new IdentityRole(role)), role);
            }
        }
    }

    /// <summary>
    /// The first administrator of a production system comes from Bootstrap:AdminUserName and Bootstrap:AdminPassword
    /// (set once through the environment), and only while no administrator exists.
    /// </summary>
    private async Task BootstrapAdministratorAsync()
    {
        var userName = configuration["Bootstrap:AdminUserName"];
        var password = configuration["Bootstrap:AdminPassword"];
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password)
            || (await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0)
        {
            return;
        }

        var user = new ApplicationUser { UserName = userName, DisplayName = "管理员" };
        EnsureSucceeded(await users.CreateAsync(user, password), userName);
        EnsureSucceeded(await users.AddToRoleAsync(user, Roles.Administrator), userName);
    }

    private async Task SeedStaffAsync(DemoDataSet data)
    {
        foreach (var s in data.Staff)
        {
            if (await users.FindByNameAsync(s.UserName) is not null)
            {
                continue;
            }

            var user = new ApplicationUser { UserName = s.UserName, DisplayName = s.DisplayName, DistrictCode = s.DistrictCode };
            EnsureSucceeded(await users.CreateAsync(user, s.Password), s.UserName);
            EnsureSucceeded(await users.AddToRoleAsync(user, s.Role), s.UserName);
            if (s.AuthenticatorKey is { Length: > 0 } key && userStore is IUserAuthenticatorKeyStore<ApplicationUser> keys)
            {
                // A fixed, published key (README) instead of ResetAuthenticatorKeyAsync's random one.
                await keys.SetAuthenticatorKeyAsync(user, key, CancellationToken.None);
                EnsureSucceeded(await users.SetTwoFactorEnabledAsync(user, true), s.UserName);
            }
        }
    }

    private static void EnsureSucceeded(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Seeding '{what}' failed: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Demo data ready: {Districts} districts, {Citizens} registry citizens, {Properties} registry homes, {Staff} staff accounts")]
    private static partial void LogSeeded(ILogger logger, int districts, int citizens, int properties, int staff);
}
