using Wuhan.Resale.Domain.Listings;
using Wuhan.Resale.Domain.ValueObjects;

namespace Wuhan.Resale.UnitTests.Builders;

public static class BuyerDetailsBuilder
{
    public static BuyerDetails Buyer(string name, string idNumber, string phone = "14000000100") =>
        new(name, TestData.ResidentId(idNumber), PhoneNumber.Parse(phone));

    /// <summary><paramref name="count"/> distinct buyers, numbered from <paramref name="firstIndex"/> in <see cref="TestData.BuyerIdNumbers"/>.</summary>
    public static IReadOnlyList<BuyerDetails> Many(int count, int firstIndex = 0) =>
        [.. Enumerable.Range(firstIndex, count).Select(i => Buyer($"买方{i + 1}", TestData.BuyerIdNumbers[i], $"140000002{i:D2}"))];
}
