using FluentValidation;
using FluentValidation.Results;
using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.People;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.Web.Features.BuyerConfirmation;

/// <summary>The buyers table as typed; every row survives a refused save.</summary>
public sealed class BuyersForm
{
    public List<BuyerRow> Rows { get; set; } = [];

    /// <summary>add | remove-N | save.</summary>
    public string? Intent { get; set; }

    /// <summary>The listing version the page was rendered from: a save from a stale tab is refused, not merged.</summary>
    public Guid Version { get; set; }
}

public sealed class BuyerRow
{
    /// <summary>A buyer already saved: the row is kept as stored and shown masked.</summary>
    public Guid? ExistingId { get; set; }

    public string? Name { get; set; }

    public IdType IdType { get; set; } = IdType.ResidentIdCard;

    public string? IdNumber { get; set; }

    public string? Phone { get; set; }

    public bool IsBlank => ExistingId is null && string.IsNullOrWhiteSpace(Name) && string.IsNullOrWhiteSpace(IdNumber) && string.IsNullOrWhiteSpace(Phone);
}

/// <summary>Every field required and valid for its type; names printable; no duplicates; between 1 and the maximum.</summary>
public sealed class BuyersFormValidator : AbstractValidator<BuyersForm>
{
    public BuyersFormValidator()
    {
        RuleFor(f => f.Rows).Custom((rows, context) =>
        {
            var filled = rows.Count(r => !r.IsBlank);
            if (filled == 0)
            {
                context.AddFailure("Rows", "请至少添加一位购房人。");
            }
            else if (filled > Listing.MaxBuyers)
            {
                context.AddFailure("Rows", $"购房人最多{Listing.MaxBuyers}位。");
            }
        });

        RuleForEach(f => f.Rows).Custom((row, context) =>
        {
            if (row.IsBlank)
            {
                return;
            }

            var prefix = context.PropertyPath;
            var name = row.Name?.Trim() ?? string.Empty;
            if (name.Length == 0)
            {
                context.AddFailure(new ValidationFailure(prefix + ".Name", "请填写姓名。"));
            }
            else if (name.Length > PersonName.MaxLength)
            {
                context.AddFailure(new ValidationFailure(prefix + ".Name", $"姓名不能超过{PersonName.MaxLength}个字符。"));
            }
            else if (PrintableText.FirstUnprintable(name) is { } bad)
            {
                context.AddFailure(new ValidationFailure(prefix + ".Name", $"姓名中的“{bad}”无法打印在合同上，请改用规范汉字或与证件一致的写法。"));
            }

            if (!Enum.IsDefined(row.IdType))
            {
                context.AddFailure(new ValidationFailure(prefix + ".IdType", "请选择证件类型。"));
            }
            else if (!IdNumber.TryParse(row.IdType, row.IdNumber, out _, out var idError))
            {
                context.AddFailure(new ValidationFailure(prefix + ".IdNumber", idError));
            }

            if (!PhoneNumber.TryParse(row.Phone, out _, out var phoneError))
            {
                context.AddFailure(new ValidationFailure(prefix + ".Phone", phoneError));
            }
        });
    }
}
