using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.Captcha;

/// <summary>
/// The captcha check itself, on a host without the test-only fixed answer (every other host accepts
/// <see cref="PortalFactory.CaptchaAnswer"/>). The picture's characters are random, so the test gives the challenge a
/// known answer in the database, as a person would read one off the picture.
/// </summary>
public sealed class RealCaptchaAnswerTests : IDisposable
{
    private const string Refused = "图片验证码不正确或已失效，请输入新图片中的字符。";

    private readonly PortalFactory _factory = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)) };

    public RealCaptchaAnswerTests() => _factory.Settings["Captcha:FixedAnswer"] = "";

    public void Dispose() => _factory.Dispose();

    private async Task<IHtmlDocument> PageWithAnswerAsync(HttpClient client, string answer)
    {
        var page = await Forms.GetDocumentAsync(client, "/revocation");
        var id = Guid.Parse(page.QuerySelector("input[name=CaptchaId]")!.GetAttribute("value")!);
        await _factory.WithDbAsync(db => db.CaptchaChallenges.Where(c => c.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.AnswerHash, db.LookupHash("captcha:" + answer))));
        return page;
    }

    private static async Task<IHtmlDocument> LookUpAsync(HttpClient client, IHtmlDocument page, string typed)
    {
        using var response = await Forms.SubmitAsync(client, page, "form", new Dictionary<string, string?>
        {
            ["ContractNumber"] = "武房2026999999",
            ["IdNumber"] = DemoData.Citizen("buyer-1").IdNumber,
            ["CaptchaAnswer"] = typed,
        }, ("Intent", "lookup"));
        return await Forms.ParseAsync(response);
    }

    [Fact]
    public async Task TheCharactersOfThePicture_AreAccepted_InEitherCase_AndOthersAreNot()
    {
        using var client = _factory.CreateClient();

        var wrong = await LookUpAsync(client, await PageWithAnswerAsync(client, "K7PQ"), "K7PX");
        var right = await LookUpAsync(client, await PageWithAnswerAsync(client, "K7PQ"), " k7pq ");

        Assert.Equal(Refused, Forms.FieldError(wrong, "CaptchaAnswer"));
        Assert.Null(Forms.FieldError(right, "CaptchaAnswer"));
        Assert.Contains("不匹配", right.QuerySelector("#revocation-error")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheFixedAnswer_TheTestAnswerIsJustAnotherWrongAnswer()
    {
        using var client = _factory.CreateClient();

        var page = await LookUpAsync(client, await Forms.GetDocumentAsync(client, "/revocation"), PortalFactory.CaptchaAnswer);

        Assert.Equal(Refused, Forms.FieldError(page, "CaptchaAnswer"));
    }

    [Fact]
    public async Task ARightAnswer_WorksOnlyOnce()
    {
        using var client = _factory.CreateClient();
        var page = await PageWithAnswerAsync(client, "M3RT");

        var first = await LookUpAsync(client, page, "M3RT");
        var replayed = await LookUpAsync(client, page, "M3RT");

        Assert.Null(Forms.FieldError(first, "CaptchaAnswer"));
        Assert.Equal(Refused, Forms.FieldError(replayed, "CaptchaAnswer"));
    }
}
