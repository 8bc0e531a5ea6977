using Wuhan.Resale.Web.Infrastructure;

namespace Wuhan.Resale.Web.UnitTests.Logging;

public sealed class PersonalDataRedactionTests
{
    [Theory]
    [InlineData("path /status/420102197803140479 done", "path /status/4201**********0479 done")]
    [InlineData("id=11010119491001001X;", "id=1101**********001X;")]
    [InlineData("id=11010119491001001x", "id=1101**********001x")]
    [InlineData("old id 420102780314047 here", "old id 4201*******4047 here")]
    [InlineData("call 13812345678 now", "call 138****5678 now")]
    [InlineData("+8613812345678", "+86138****5678")]
    [InlineData("tel:8613812345678", "tel:86138****5678")]
    [InlineData("GET /m/BfnVr7IWKR2TxO1KKrixy3vo8tTtfckjN0qOHeyX9Bs responded 200", "GET /m/[ticket] responded 200")]
    [InlineData("GET /m/AQGiN3Hb0ndxqJbVpNMLmdkAAAGa3E6PEA.0F6ED7153CE7DB6A97EE2E2A0B787E28 responded 200", "GET /m/[ticket] responded 200")]
    [InlineData("\"Phone\":\"14000000001\"", "\"Phone\":\"140****0001\"")]
    public void Redact_MasksIdAndPhoneNumbers(string input, string expected) =>
        Assert.Equal(expected, PersonalDataRedaction.Redact(input));

    [Theory]
    [InlineData("elapsed 12.3 ms, status 404")]
    [InlineData("trace 0HNQC2F1CJ58V:00000001")]
    [InlineData("guid 0198c1d2-3e4f-7a6b-8c9d-0e1f2a3b4c5d")]
    [InlineData("order 12345678901234567890 is not an id")]
    public void Redact_LeavesOrdinaryTextAlone(string input) =>
        Assert.Equal(input, PersonalDataRedaction.Redact(input));
}
