namespace Wuhan.Resale.Web.Data;

/// <summary>A named counter, e.g. the contract numbers of one year.</summary>
public sealed class NumberSequence
{
    public NumberSequence(string name, long next)
    {
        Name = name;
        Next = next;
    }

    public string Name { get; private set; }

    public long Next { get; private set; }
}
