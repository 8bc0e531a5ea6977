using System.Globalization;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Web.Features.ContractFiling;

/// <summary>One party as the page shows them: never a full ID or phone number.</summary>
public sealed record PartyRow(string Name, string IdTypeName, string MaskedIdNumber, string? Share, string? MaskedPhone);

public sealed record PageNotice(string Kind, string Text);

/// <summary>The contract page: the read-only parts from the registry and the buyers list, and the form.</summary>
/// <param name="Home">第一条 as the property registry records it (with what the seller supplied); registry facts are never edited.</param>
/// <param name="MissingFacts">第一条 facts the registry lacks: the seller supplies them (卖方填报).</param>
/// <param name="Section">The section the page opens.</param>
/// <param name="Problems">What still stops filing, by input name, for the progress indicator and the 核对 list.</param>
public sealed record ContractFormPage(
    Guid ContractId, string ListingCode, ContractStatus Status, string? ContractNumber,
    IReadOnlyList<PartyRow> Sellers, IReadOnlyList<PartyRow> Buyers, ContractHome Home, IReadOnlySet<ContractSlot> MissingFacts,
    ContractForm Form, string? Version, PageNotice? Notice, ContractFormSection Section, IReadOnlyList<(string Input, string Message)> Problems)
{
    public bool IsEditable => Status == ContractStatus.Draft;

    /// <summary>带押过户 as the bank agreed it; null for a home sold without its mortgage.</summary>
    public ContractMortgageTransfer? MortgageTransfer { get; init; }

    public bool HasCoOwners => Sellers.Count > 1;

    /// <summary>大写, always worked out here from the price; a value posted for it is never read.</summary>
    public string? PriceInCapitals => ContractForm.CapitalsOf(Form.Price);

    /// <summary>Who holds a copy, from the choices as typed (资金监管, 贷款).</summary>
    public string CopyHolders => string.Join("、", Form.ToTerms().CopyHolders());

    /// <summary>What a blank holds on this page: a registry fact, the worked-out 大写, or what was typed (as typed).</summary>
    public string? ValueOf(ContractSlot slot, FormBlank blank)
    {
        ArgumentNullException.ThrowIfNull(blank);
        return blank.Kind switch
        {
            BlankKind.Fact => ContractValues.Of(Home, slot),
            BlankKind.Capitals => PriceInCapitals,
            BlankKind.Derived when slot == ContractSlot.CopyHolders => CopyHolders,
            BlankKind.Derived => ContractValues.OfMortgageTransfer(MortgageTransfer, slot),
            _ => Typed(blank.Name),
        };
    }

    /// <summary>The typed value of a form input by its name.</summary>
    public string? Typed(string name) =>
        (typeof(ContractForm).GetProperty(name) ?? throw new InvalidOperationException($"ContractForm has no {name}.")).GetValue(Form) as string;

    /// <summary>
    /// Whether a conditional blank applies to what is chosen now. A blank that holds a value is shown anyway: its value
    /// is kept, and a cross-check may need to point at it.
    /// </summary>
    public bool Applies(FormBlank blank)
    {
        ArgumentNullException.ThrowIfNull(blank);
        return blank.WhenInput is not { } input
            || blank.WhenValues.Contains(Typed(input) ?? string.Empty, StringComparer.Ordinal)
            || (blank.Kind == BlankKind.Text && !string.IsNullOrWhiteSpace(Typed(blank.Name)));
    }

    /// <summary>How many problems each section still has.</summary>
    public int ProblemsIn(ContractFormSection section) => Problems.Count(p => ContractFormSections.OfInput(p.Input) == section);

    /// <summary>"约128万元" for an amount as typed; null when it cannot be read.</summary>
    public static string? TenThousands(string? typed)
    {
        if (FormValue.ParseDecimal(typed) is not { } yuan || yuan <= 0 || yuan > Money.MaxYuan)
        {
            return null;
        }

        var wan = yuan / 10_000m;
        var text = wan.ToString(wan >= 100 ? "#,##0.##" : "#,##0.####", CultureInfo.InvariantCulture);
        return $"{(decimal.Round(wan, 4) == wan ? "合" : "约")}{text}万元";
    }

    public static ContractFormPage Build(
        Contract contract, Listing listing, string? districtName, ContractForm form, string? version, PageNotice? notice, ContractFormSection section)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(listing);
        ArgumentNullException.ThrowIfNull(form);
        var home = listing.Home ?? throw new InvalidOperationException("The listing's home must be loaded.");
        var registry = ContractDocumentFactory.HomeOf(home, districtName, null);
        var missing = new HashSet<ContractSlot>(Enum.GetValues<ContractSlot>()
            .Where(s => ContractValues.IsHomeFact(s) && ContractFormBlanks.SuppliedFor(s) is not null && ContractValues.Of(registry, s) is null));
        var schedule = form.ToSchedule();
        var problems = contract.Status == ContractStatus.Draft
            ? ContractCompleteness.FindProblems(form.ToTerms(), [.. schedule.Select(s => s.Installment)], home)
                .Select(p => (ContractFilingValidator.InputFor(p, schedule), p.Message)).ToList()
            : [];
        return new ContractFormPage(
            contract.Id, listing.ListingCode, contract.Status, contract.ContractNumber,
            [.. home.Owners.Select(o => new PartyRow(o.Name, o.IdType.DisplayName(), Masking.MaskIdNumber(o.IdNumber), o.Share, null))],
            [.. listing.Buyers.OrderBy(b => b.Order).Select(b => new PartyRow(
                b.Name, b.IdType.DisplayName(), Masking.MaskIdNumber(b.IdNumber), null, Masking.MaskPhone(b.Phone)))],
            ContractDocumentFactory.HomeOf(home, districtName, null, form.ToTerms().Supplied),
            missing, form, version, notice, section, problems)
        {
            MortgageTransfer = contract.OutstandingLoan is { } loan
                ? new ContractMortgageTransfer(contract.MortgageeName ?? string.Empty, Money.Create(loan).ToFigures())
                : null,
        };
    }
}
