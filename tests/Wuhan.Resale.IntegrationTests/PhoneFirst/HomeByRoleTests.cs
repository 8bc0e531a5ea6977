using System.Net;
using Microsoft.Extensions.Time.Testing;
using Wuhan.Resale.IntegrationTests.Infrastructure;

namespace Wuhan.Resale.IntegrationTests.PhoneFirst;

/// <summary>
/// 办理中心 by role, the homes and contracts lists as cards, revocation's confirmation and the 下一步 page: what a buyer,
/// a seller and a stranger each see.
/// </summary>
public sealed class HomeByRoleTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly PortalFactory _factory;

    public HomeByRoleTests() => _factory = new PortalFactory { Clock = _clock };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task TheBuyer_SeesTheirFiledContract_NotTheSellersSteps_AndTheSellerSeesTheNextStepOfTheHome()
    {
        var (seller, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var home = DemoData.Property("home-clean");

        var buyer = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-1"));
        var me = await Forms.GetDocumentAsync(buyer, "/me");
        Assert.Equal("您有1份已网签合同。", me.QuerySelector("#buyer-summary")?.TextContent.Trim());
        Assert.Contains(number, me.QuerySelector("#buyer-section")?.TextContent, StringComparison.Ordinal);
        Assert.Contains(home.Location, me.QuerySelector("#buyer-section")?.TextContent, StringComparison.Ordinal);
        Assert.NotNull(me.QuerySelector($"#buyer-section a[href='/contracts/{contractId}/pdf']"));
        Assert.Null(me.QuerySelector(".step-bar"));
        Assert.Null(me.QuerySelector("#seller-section"));
        Assert.DoesNotContain("请继续办理房源核验", me.Body!.TextContent, StringComparison.Ordinal);

        var sellerMe = await Forms.GetDocumentAsync(seller.Client, "/me");
        Assert.Null(sellerMe.QuerySelector("#buyer-section"));
        var card = sellerMe.QuerySelector("#seller-section .card");
        Assert.Equal(home.Location, card?.QuerySelector(".card-title")?.TextContent.Trim());
        Assert.Contains("已网签", card?.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/help/next/{contractId}", card?.QuerySelector("a.button")?.GetAttribute("href"));
    }

    [Fact]
    public async Task APersonWhoBuysAndSells_SeesBothSections()
    {
        await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "seller-two-homes");
        var both = await SellerJourney.SignInAsync(_factory, "seller-two-homes");
        using var verified = await both.VerifyHomeAsync("home-dxh-clean");
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);

        var me = await Forms.GetDocumentAsync(both.Client, "/me");
        Assert.Equal("您有1份已网签合同。", me.QuerySelector("#buyer-summary")?.TextContent.Trim());
        var next = me.QuerySelector("#seller-section .card-next")?.TextContent;
        Assert.Contains("下一步：填写买方信息", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheHomesList_NamesEachHomeByItsAddress_AndMarksTheMortgagedOneBeforeChoosing()
    {
        var seller = await SellerJourney.SignInAsync(_factory, "seller-two-homes");
        var homes = await seller.ConsentAsync(await seller.QueryHomesAsync());
        var mortgaged = DemoData.Property("home-mortgaged");
        var clean = DemoData.Property("home-dxh-clean");

        var titles = homes.QuerySelectorAll(".home-card-title").Select(t => t.TextContent.Trim()).ToList();
        Assert.Contains(mortgaged.Location, titles);
        Assert.Contains(clean.Location, titles);
        var refusedItem = homes.QuerySelectorAll(".home-item").Single(i => i.TextContent.Contains(mortgaged.Location, StringComparison.Ordinal));
        Assert.Contains("抵押", refusedItem.QuerySelector(".home-card-refusal")?.TextContent, StringComparison.Ordinal);
        Assert.True(refusedItem.QuerySelector("input[type=radio]")!.HasAttribute("disabled"));
        var cleanItem = homes.QuerySelectorAll(".home-item").Single(i => i.TextContent.Contains(clean.Location, StringComparison.Ordinal));
        Assert.Null(cleanItem.QuerySelector(".home-card-refusal"));
        Assert.False(cleanItem.QuerySelector("input[type=radio]")!.HasAttribute("disabled"));

        // Posted anyway, the refusal still comes from the server and names the home.
        using var refused = await seller.VerifyAsync(homes, mortgaged.CertificateNumber);
        var error = (await Forms.ParseAsync(refused)).QuerySelector("#verify-error")?.TextContent;
        Assert.StartsWith(mortgaged.Location, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheContractsList_OffersOneMainAction_AndRevokingShowsTheHouseThePartiesAndThatItCannotBeUndone()
    {
        var (seller, _, contractId, _) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var list = await Forms.GetDocumentAsync(seller.Client, "/contracts");
        var row = Assert.Single(list.QuerySelectorAll("#contracts tbody tr"));
        var main = Assert.Single(row.QuerySelectorAll("a.main-action"));
        Assert.Equal("下载合同", main.TextContent.Trim());
        var revoke = row.QuerySelectorAll("details.more-actions a").Single(a => a.TextContent.Trim() == "撤销网签");

        var confirm = await Forms.GetDocumentAsync(seller.Client, revoke.GetAttribute("href")!);
        Assert.Contains("撤销后不可恢复", confirm.QuerySelector("#revoke-warning")?.TextContent, StringComparison.Ordinal);
        Assert.Equal(DemoData.Property("home-clean").Location, confirm.QuerySelector("#revoke-location")?.TextContent.Trim());
        var parties = confirm.QuerySelectorAll(".revoke-party").Select(p => p.TextContent.Trim()).ToList();
        Assert.Equal(2, parties.Count);
        Assert.DoesNotContain(parties, p => p.Contains(DemoData.Citizen("buyer-1").IdNumber, StringComparison.Ordinal));
        Assert.DoesNotContain(parties, p => p.Contains(DemoData.Citizen("buyer-1").Name, StringComparison.Ordinal));
        Assert.Equal($"/contracts/{contractId}/revoke", revoke.GetAttribute("href"));
    }

    [Fact]
    public async Task TheNextStepsPage_IsForTheContractsPartiesOnly()
    {
        var (seller, _, contractId, number) = await FiledContract.CreateAsync(_factory, "seller-clean", "home-clean", "buyer-1");
        var next = await Forms.GetDocumentAsync(seller.Client, $"/help/next/{contractId}");
        Assert.Equal(number, next.QuerySelector("#next-number")?.TextContent.Trim());
        Assert.NotNull(next.QuerySelector("#next-office a[href^='tel:']"));
        Assert.Contains("不动产权证书", next.QuerySelector(".checklist")?.TextContent, StringComparison.Ordinal);

        var buyer = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-1"));
        using var asBuyer = await buyer.GetAsync(new Uri($"/help/next/{contractId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, asBuyer.StatusCode);
        var stranger = await new CitizenLogin(_factory).SignInAsync(DemoData.Citizen("buyer-4"));
        using var asStranger = await stranger.GetAsync(new Uri($"/help/next/{contractId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, asStranger.StatusCode);
    }
}
