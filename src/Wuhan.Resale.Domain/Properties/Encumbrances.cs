namespace Wuhan.Resale.Domain.Properties;

/// <summary>Registry restrictions that stop a home from being sold online.</summary>
public sealed record Encumbrances(bool Seized, bool Mortgaged, bool UnderObjection, bool UnderAdvanceNotice)
{
    public static readonly Encumbrances None = new(false, false, false, false);

    public bool Any => Seized || Mortgaged || UnderObjection || UnderAdvanceNotice;
}
