using System.Reflection;
using Microsoft.AspNetCore.Razor.Hosting;
using Mono.Cecil;
using NetArchTest.Rules;
using Wuhan.Resale.Web.Data;

namespace Wuhan.Resale.IntegrationTests.Architecture;

/// <summary>
/// The layout rules of CONVENTIONS.md ("Code"), checked on the compiled assemblies, so a misplaced type or a stray
/// <c>using</c> fails the build's tests instead of waiting for a review. Dependencies are read from the IL
/// (NetArchTest): signatures, bodies, attributes and the compiler-generated types of async methods and lambdas;
/// names that only appear in strings or <c>nameof</c> are not dependencies.
/// </summary>
public sealed class ArchitectureTests
{
    private const string WebRoot = "Wuhan.Resale.Web";
    private const string FeaturesRoot = "Wuhan.Resale.Web.Features";
    private const string Shared = "Shared";

    /// <summary>The namespaces (and their sub-namespaces) an entity type of ResaleDbContext may live in.</summary>
    private static readonly string[] AllowedStoredTypeNamespaces =
    [
        "Wuhan.Resale.Domain",                                     // aggregates, owned value objects
        "Wuhan.Resale.Web.Data",                                   // technical records, ApplicationUser
        "Wuhan.Resale.Web.Integrations.Embedded",                  // the embedded citizen and property registries
        "Microsoft.AspNetCore.Identity",                           // IdentityRole, IdentityUserClaim<string>, … of IdentityDbContext
        "Microsoft.AspNetCore.DataProtection.EntityFrameworkCore", // DataProtectionKey
    ];

    private static readonly Assembly WebAssembly = typeof(ResaleDbContext).Assembly;

    private static readonly Assembly DomainAssembly = Assembly.Load(new AssemblyName("Wuhan.Resale.Domain"));

    private static readonly Lazy<Types> WebTypes = new(() => Types.InAssembly(WebAssembly));

    /// <summary>Compiled Razor views by generated class name, with the .cshtml path they come from.</summary>
    private static readonly IReadOnlyDictionary<string, string> ViewPaths = WebAssembly
        .GetCustomAttributes<RazorCompiledItemAttribute>()
        .ToDictionary(view => view.Type.FullName!, view => view.Identifier, StringComparer.Ordinal);

    [Fact]
    public void Domain_ReferencesNeitherTheWebProjectNorAspNetCoreNorEfCore()
    {
        string[] forbidden = [WebRoot, "Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore"];

        var violations = Violations(Types.InAssembly(DomainAssembly), types => types.That().MeetCustomRule(_ => true), forbidden);
        var references = DomainAssembly.GetReferencedAssemblies()
            .Where(reference => forbidden.Any(name => IsInNamespace(reference.Name, name)))
            .Select(reference => $"  assembly reference {reference.Name}")
            .ToList();

        Assert.True(violations.Count + references.Count == 0, Report(
            "The Domain project must stay free of the web project, ASP.NET Core and EF Core (mapping belongs in "
            + "Web/Data/Configurations, HTTP concerns in the feature):", [.. violations, .. references]));
    }

    [Fact]
    public void DataPdfAndIntegrations_DoNotDependOnFeatures()
    {
        string[] layers = [$"{WebRoot}.Data", $"{WebRoot}.Pdf", $"{WebRoot}.Integrations"];
        PredicateList Layers(Types types) => types.That().MeetCustomRule(type => layers.Any(layer => IsInNamespace(OuterNamespace(type), layer)));

        // The whole of Features decides pass or fail; one search per feature namespace (and per type of the root
        // namespace, which Features/Shared uses) names every namespace an offender reaches.
        var any = Layers(WebTypes.Value).ShouldNot().HaveDependencyOnAny(FeaturesRoot).GetResult();
        var targets = FeatureNames().Append(Shared).Select(FeatureNamespace)
            .Concat(WebAssembly.GetTypes().Where(type => type.Namespace == FeaturesRoot && !type.IsNested).Select(type => type.FullName!));
        var violations = Violations(WebTypes.Value, Layers, targets);

        Assert.True(any.IsSuccessful && violations.Count == 0, Report(
            "Data/, Pdf/ and Integrations/ must not use anything from Features/ (move the type to the Domain project or "
            + "to Data/, or pass the value in):", violations.Count > 0 ? violations : Describe(any)));
    }

    [Fact]
    public void Features_ReachEachOtherOnlyThroughShared()
    {
        var features = FeatureNames();
        Assert.Contains("Staff", features);
        Assert.Contains("ContractFiling", features);
        Assert.Contains(ViewPaths.Values, path => path.StartsWith("/Features/Staff/", StringComparison.Ordinal)); // views are compiled into the assembly and checked too

        // For each feature Y: every type (and compiled view) of another feature, or of Shared, must not use Y.
        var violations = features
            .SelectMany(target => Violations(
                WebTypes.Value,
                types => types.That().MeetCustomRule(type => FeatureOf(type) is { } owner && owner != target),
                [FeatureNamespace(target)]))
            .GroupBy(line => line.Split(" → ")[0], StringComparer.Ordinal)
            .Select(group => $"{group.Key} → {string.Join(", ", group.Select(line => line.Split(" → ")[1]))}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(violations.Count == 0, Report(
            $"A feature folder (its types and views) may use only itself, Features/Shared (namespaces {FeatureNamespace(Shared)} "
            + $"and {FeaturesRoot}) and the domain; Shared uses no feature. Move what two features share to Features/Shared "
            + "or the Domain project:", violations));
    }

    [Fact]
    public void StoredTypes_LiveInTheDomainOrInData()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        var stored = db.Model.GetEntityTypes()
            .Where(entity => !entity.HasSharedClrType) // property bags (Dictionary<string, object>) have no type of their own
            .Select(entity => entity.ClrType)
            .Distinct()
            .ToList();

        var misplaced = stored
            .Where(type => !AllowedStoredTypeNamespaces.Any(allowed => IsInNamespace(type.Namespace, allowed)))
            .Select(type => $"  {type.FullName} (namespace {type.Namespace})")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Contains(stored, type => type.Name == "Contract");
        Assert.True(misplaced.Count == 0, Report(
            "Stored types (entity types of ResaleDbContext) live in the Domain project (aggregates, value objects) or in "
            + $"Data/ (technical records); allowed namespaces: {string.Join(", ", AllowedStoredTypeNamespaces)}. Move:", misplaced));
    }

    /// <summary>
    /// Feature folders, found from the namespaces under Features and the folders of the compiled views, so a new
    /// feature is covered without touching this test. Shared is not one of them: every feature may use it.
    /// </summary>
    private static List<string> FeatureNames() => WebAssembly.GetTypes()
        .Select(type => type.Namespace)
        .Where(ns => ns is not null && ns.StartsWith(FeaturesRoot + ".", StringComparison.Ordinal))
        .Select(ns => ns![(FeaturesRoot.Length + 1)..].Split('.')[0])
        .Concat(ViewPaths.Values.Select(ViewFolder).OfType<string>())
        .Where(name => name != Shared)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// The feature folder a type belongs to: by namespace, or for a compiled view by its .cshtml path. The root
    /// namespace Wuhan.Resale.Web.Features (declared by Features/Shared/*.cs) and the root views (_ViewImports,
    /// _ViewStart) count as Shared. Null for everything outside Features.
    /// </summary>
    private static string? FeatureOf(TypeDefinition type)
    {
        var outer = Outermost(type);
        if (outer.Namespace == FeaturesRoot)
        {
            return Shared;
        }

        if (outer.Namespace.StartsWith(FeaturesRoot + ".", StringComparison.Ordinal))
        {
            return outer.Namespace[(FeaturesRoot.Length + 1)..].Split('.')[0];
        }

        return ViewPaths.TryGetValue(outer.FullName, out var path) && path.StartsWith("/Features/", StringComparison.Ordinal)
            ? ViewFolder(path) ?? Shared
            : null;
    }

    /// <summary>"/Features/Staff/Index.cshtml" → "Staff"; null for a view directly in /Features.</summary>
    private static string? ViewFolder(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 2 && parts[0] == "Features" ? parts[1] : null;
    }

    private static string FeatureNamespace(string feature) => $"{FeaturesRoot}.{feature}";

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type;
    }

    private static string OuterNamespace(TypeDefinition type) => Outermost(type).Namespace;

    private static bool IsInNamespace(string? name, string ns) =>
        name is not null && (name == ns || name.StartsWith(ns + ".", StringComparison.Ordinal));

    /// <summary>
    /// The selected types that use any of the <paramref name="forbidden"/> namespaces (or types), one line per
    /// offender: "offender → namespace (the first type it uses there), …". Compiler-generated nested types
    /// (async state machines, closures) are reported as the type that declares them; views with their .cshtml path.
    /// </summary>
    private static List<string> Violations(Types types, Func<Types, PredicateList> select, IEnumerable<string> forbidden)
    {
        var reached = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var target in forbidden)
        {
            var result = select(types).ShouldNot().HaveDependencyOnAny(target).GetResult();
            foreach (var failing in result.FailingTypes ?? [])
            {
                var offender = Offender(failing.FullName);
                if (!reached.TryGetValue(offender, out var targets))
                {
                    reached[offender] = targets = new SortedSet<string>(StringComparer.Ordinal);
                }

                targets.Add($"{target} ({UsedType(failing)})");
            }
        }

        return [.. reached.Select(entry => $"  {entry.Key} → {string.Join(", ", entry.Value)}")];
    }

    private static List<string> Describe(TestResult result) =>
        [.. (result.FailingTypes ?? []).Select(failing => $"  {Offender(failing.FullName)} → {UsedType(failing)}").Distinct().Order(StringComparer.Ordinal)];

    private static string Offender(string fullName)
    {
        var outer = fullName.Split('/')[0];
        return ViewPaths.TryGetValue(outer, out var path) ? $"{outer} ({path})" : outer;
    }

    private static string UsedType(IType failing) =>
        failing.Explanation?.Replace("Has dependency on: ", "uses ", StringComparison.Ordinal) ?? "?";

    private static string Report(string rule, List<string> violations) =>
        $"{rule}\n{string.Join("\n", violations)}\n({violations.Count} to fix)";
}
