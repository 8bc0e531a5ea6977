using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;
using Wuhan.Resale.Web.Infrastructure.Captcha;

namespace Wuhan.Resale.IntegrationTests.Captcha;

/// <summary>
/// The captcha check itself, on a host without the test-only fixed answer (every other host accepts
/// <see cref="PortalFactory.CaptchaAnswer"/>). The picture's characters are random; the test reads them from the sealed
/// challenge with the portal's own key ring, as a person reads them off the picture.
/// </summary>
public sealed class RealCaptchaAnswerTests : IDisposable
{
    private const string Refused = "图片验证码不正确或已失效，请输入新图片中的字符。";

    private readonly PortalFactory _factory = new() { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)) };

    public RealCaptchaAnswerTests() => _factory.Settings["Captcha:FixedAnswer"] = "";

    public void Dispose() => _factory.Dispose();

    private async Task<(IHtmlDocument Page, string Answer)> PageWithAnswerAsync(HttpClient client)
    {
        var page = await Forms.GetDocumentAsync(client, "/revocation");
        var token = page.QuerySelector("input[name=CaptchaId]")!.GetAttribute("value");
        var challenge = _factory.Services.GetRequiredService<CaptchaTokens>().Read(token)
            ?? throw new InvalidOperationException("The page carries no readable captcha.");
        return (page, challenge.Answer);
    }

    private static string OneCharacterOff(string answer) => answer[..^1] + (answer[^1] == 'X' ? 'Y' : 'X');

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

        var (first, firstAnswer) = await PageWithAnswerAsync(client);
        var wrong = await LookUpAsync(client, first, OneCharacterOff(firstAnswer));
        var (second, secondAnswer) = await PageWithAnswerAsync(client);
        var right = await LookUpAsync(client, second, " " + secondAnswer.ToLowerInvariant() + " ");

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
        var (page, answer) = await PageWithAnswerAsync(client);

        var first = await LookUpAsync(client, page, answer);
        var replayed = await LookUpAsync(client, page, answer);

        Assert.Null(Forms.FieldError(first, "CaptchaAnswer"));
        Assert.Equal(Refused, Forms.FieldError(replayed, "CaptchaAnswer"));
    }
}
