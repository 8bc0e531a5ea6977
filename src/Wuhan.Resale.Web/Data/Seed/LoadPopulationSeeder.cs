using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Integrations;
using Wuhan.Resale.Web.Integrations.Embedded;

namespace Wuhan.Resale.Web.Data.Seed;

/// <summary>One synthetic person of the load population, as the citizen registry knows them.</summary>
public sealed record LoadPerson(string Key, string Name, string IdNumber, string Phone);

/// <summary>One synthetic home of the load population, owned wholly by the journey's seller.</summary>
public sealed record LoadHome(string Key, string CertificateNumber, string DistrictCode, string Location, decimal BuildingArea);

/// <summary>
/// The people and homes of the load run (bench/Wuhan.Resale.LoadRun), computed from a journey number alone so the
/// seeding command and the load generator agree without sharing a file: journey <c>j</c> has seller <c>2j</c>, buyer
/// <c>2j+1</c> and home <c>j</c>. Everyone has a distinct valid 居民身份证 number (GB 11643 check digit) and a distinct
/// mobile (149 + 8 digits, a range the demo data does not use); homes lie in districts that are not 限购.
/// </summary>
public static class LoadPopulation
{
    public const string KeyPrefix = "load-";

    /// <summary>Sequence codes 001–999 on successive birth days from 1960: more journeys than any run needs.</summary>
    public const int MaxJourneys = 500_000;

    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private const string GivenNames = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华建国红玉文";
    private static readonly DateOnly FirstBirthDate = new(1960, 1, 1);

    private static readonly (string Code, string Name)[] OpenDistricts =
    [
        ("420112", "东西湖"), ("420113", "汉南"), ("420114", "蔡甸"), ("420115", "江夏"), ("420116", "黄陂"), ("420117", "新洲"),
    ];

    public static LoadPerson Seller(int journey) => Person(2 * journey, "seller", journey);

    public static LoadPerson Buyer(int journey) => Person((2 * journey) + 1, "buyer", journey);

    public static LoadHome Home(int journey)
    {
        var (code, name) = OpenDistricts[journey % OpenDistricts.Length];
        var inv = CultureInfo.InvariantCulture;
        return new LoadHome(
            string.Create(inv, $"{KeyPrefix}home-{journey:D6}"),
            string.Create(inv, $"鄂(2024)武汉市{name}不动产权第9{journey:D6}号"),
            code,
            string.Create(inv, $"武汉市{name}区压测大道{(journey / 400) + 1}号{(journey / 20 % 20) + 1}栋{(journey % 20) + 1:D2}01室"),
            60m + (journey % 80) + 0.5m);
    }

    private static LoadPerson Person(int number, string role, int journey)
    {
        var inv = CultureInfo.InvariantCulture;
        var birth = FirstBirthDate.AddDays(number / 999);
        var first17 = string.Create(inv, $"420112{birth:yyyyMMdd}{(number % 999) + 1:D3}");
        var name = string.Concat(
            Surnames[number % Surnames.Length].ToString(),
            GivenNames[number / Surnames.Length % GivenNames.Length].ToString(),
            GivenNames[number / (Surnames.Length * GivenNames.Length) % GivenNames.Length].ToString());
        return new LoadPerson(
            string.Create(inv, $"{KeyPrefix}{role}-{journey:D6}"),
            name,
            first17 + IdNumber.ComputeCheckCharacter(first17),
            string.Create(inv, $"149{number:D8}"));
    }
}

/// <summary>
/// <c>seed-load-population &lt;journeys&gt;</c>: puts the load population of journeys 0 … n-1 into the embedded citizen
/// and property registries. Refused in Production and wherever the registries are not the embedded ones; a second run
/// adds only what is missing.
/// </summary>
public sealed class LoadPopulationSeeder(ResaleDbContext db, IHostEnvironment environment, IOptions<IntegrationOptions> integrations)
{
    public const string Command = "seed-load-population";

    private const int Batch = 2000;

    /// <summary>The command's exit code: 0 seeded (or nothing missing), 2 refused or wrong use.</summary>
    public async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (environment.IsProduction())
        {
            await output.WriteLineAsync("seed-load-population 只用于压测环境，在 Production 中拒绝执行：合成人员和房屋不得进入生产库。");
            return 2;
        }

        if (integrations.Value.CitizenRegistry.Mode != AdapterMode.Embedded || integrations.Value.PropertyRegistry.Mode != AdapterMode.Embedded)
        {
            await output.WriteLineAsync("seed-load-population 只写入内置人口库和不动产库；当前配置使用外部登记系统，已拒绝执行。");
            return 2;
        }

        if (args.Length != 2 || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var journeys)
            || journeys < 1 || journeys > LoadPopulation.MaxJourneys)
        {
            await output.WriteLineAsync($"用法: {Command} <人次>（1 至 {LoadPopulation.MaxJourneys}；每人次一名卖方、一名买方、一套房屋）");
            return 2;
        }

        var (people, homes) = await SeedAsync(journeys, cancellationToken);
        await output.WriteLineAsync(
            $"压测人员已就绪：{journeys} 人次（{2 * journeys} 人、{journeys} 套房屋），本次新增 {people} 人、{homes} 套房屋。");
        return 0;
    }

    /// <summary>Adds the missing people and homes of journeys 0 … n-1; returns how many of each were added.</summary>
    public async Task<(int People, int Homes)> SeedAsync(int journeys, CancellationToken cancellationToken)
    {
        var citizenKeys = (await db.EmbeddedCitizens.AsNoTracking().Where(c => c.Key.StartsWith(LoadPopulation.KeyPrefix))
            .Select(c => c.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var homeKeys = (await db.EmbeddedProperties.AsNoTracking().Where(p => p.Key.StartsWith(LoadPopulation.KeyPrefix))
            .Select(p => p.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var (people, homes, pending) = (0, 0, 0);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var j = 0; j < journeys; j++)
        {
            var seller = LoadPopulation.Seller(j);
            foreach (var person in new[] { seller, LoadPopulation.Buyer(j) }.Where(p => !citizenKeys.Contains(p.Key)))
            {
                db.EmbeddedCitizens.Add(new EmbeddedCitizen
                {
                    Id = Guid.CreateVersion7(),
                    Key = person.Key,
                    Name = person.Name,
                    IdType = IdType.ResidentIdCard,
                    IdNumber = IdNumber.Parse(IdType.ResidentIdCard, person.IdNumber).Value,
                    Phone = PhoneNumber.Parse(person.Phone).Value,
                });
                people++;
                pending++;
            }

            var home = LoadPopulation.Home(j);
            if (!homeKeys.Contains(home.Key))
            {
                db.EmbeddedProperties.Add(NewHome(home, seller));
                homes++;
                pending++;
            }

            if (pending >= Batch)
            {
                await SaveAsync(cancellationToken);
                pending = 0;
            }
        }

        await SaveAsync(cancellationToken);
        return (people, homes);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static EmbeddedProperty NewHome(LoadHome home, LoadPerson owner)
    {
        var property = new EmbeddedProperty
        {
            Id = Guid.CreateVersion7(),
            Key = home.Key,
            CertificateNumber = home.CertificateNumber,
            DistrictCode = home.DistrictCode,
            Location = home.Location,
            Structure = "钢筋混凝土",
            BuildingArea = home.BuildingArea,
            LandArea = 12.5m,
            DesignPurpose = "住宅",
            Floor = 10,
            TotalFloors = 26,
            RoomType = "两室一厅",
            CertificateIssuedOn = new DateOnly(2024, 3, 1),
            RegisteredOn = new DateOnly(2024, 2, 20),
            BusinessType = "房屋交易（买方）",
            ResultType = "交易信息",
            BusinessStatus = "交易已办结",
        };
        property.Owners.Add(new EmbeddedPropertyOwner
        {
            Name = owner.Name,
            IdType = IdType.ResidentIdCard,
            IdNumber = owner.IdNumber,
            Share = "100%",
        });
        return property;
    }
}
