namespace Wuhan.Resale.Domain.People;

/// <summary>Rules for a person's name as written on a contract.</summary>
public static class PersonName
{
    public const int MaxLength = 50;

    public static string Normalize(string? name)
    {
        var trimmed = (name ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException("姓名不能为空。");
        }

        if (trimmed.Length > MaxLength)
        {
            throw new DomainException($"姓名不能超过{MaxLength}个字符。");
        }

        if (trimmed.Any(char.IsControl))
        {
            throw new DomainException("姓名中含有无法识别的字符。");
        }

        return trimmed;
    }
}
