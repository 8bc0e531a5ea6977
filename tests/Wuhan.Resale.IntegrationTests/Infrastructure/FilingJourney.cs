using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Testing;
using Wuhan.Resale.Web.Data.Seed;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>Takes a seller from a verified home to a contract ready to file, through the pages where they exist.</summary>
public static class FilingJourney
{
    /// <summary>Saves the buyers through 保存购房人信息; returns the response.</summary>
    public static async Task<HttpResponseMessage> SaveBuyersAsync(HttpClient client, Guid listingId, params DemoCitizen[] buyers)
    {
        ArgumentNullException.ThrowIfNull(buyers);
        var page = await Forms.GetDocumentAsync(client, $"/listings/{listingId}/buyers");
        for (var i = 1; i < buyers.Length; i++)
        {
            using var added = await Forms.SubmitAsync(client, page, "form", null, ("Intent", "add"));
            page = await Forms.ParseAsync(added);
        }

        var values = new Dictionary<string, string?>();
        var firstNew = page.QuerySelectorAll("input[name$='.ExistingId']").Length;
        for (var i = 0; i < buyers.Length; i++)
        {
            var row = firstNew + i;
            values[$"Rows[{row}].Name"] = buyers[i].Name;
            values[$"Rows[{row}].IdType"] = buyers[i].IdType.ToString();
            values[$"Rows[{row}].IdNumber"] = buyers[i].IdNumber;
            values[$"Rows[{row}].Phone"] = buyers[i].Phone;
        }

        return await Forms.SubmitAsync(client, page, "form", values, ("Intent", "save"));
    }

    public static Task CompleteTheContractAsync(PortalFactory factory, Guid listingId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDbAsync(async db =>
        {
            var contract = await db.Contracts.SingleAsync(c => c.ListingId == listingId);
            contract.UpdateTerms(ContractSamples.CompleteTerms(), ContractSamples.CompleteSchedule(), Scenario.Now(db));
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>Verified home, buyers saved through the page, complete contract: returns (seller, listing id, contract id).</summary>
    public static async Task<(SellerJourney Seller, Guid ListingId, Guid ContractId)> ReadyToFileAsync(
        PortalFactory factory, string sellerKey, string homeKey, params string[] buyerKeys)
    {
        var seller = await SellerJourney.SignInAsync(factory, sellerKey);
        using var verified = await seller.VerifyHomeAsync(homeKey);
        if (verified.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Verification failed: " + (await Forms.ParseAsync(verified)).QuerySelector("#verify-error")?.TextContent);
        }

        var listingId = Guid.Parse(verified.Headers.Location!.OriginalString.Split('/')[^1]);
        using var saved = await SaveBuyersAsync(seller.Client, listingId, [.. buyerKeys.Select(DemoData.Citizen)]);
        if (saved.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Saving buyers failed: " + (await Forms.ParseAsync(saved)).QuerySelector(".field-error, #buyers-error")?.TextContent);
        }

        await CompleteTheContractAsync(factory, listingId);
        var contractId = await factory.WithDbAsync(db => db.Contracts.Where(c => c.ListingId == listingId).Select(c => c.Id).SingleAsync());
        return (seller, listingId, contractId);
    }

    /// <summary>
    /// The whole journey to a filed contract; the owners' and buyers' codes are read from the SMS inbox. A test whose
    /// subject comes after filing and reads none of the journey's texts or rows uses <see cref="FiledContract.CreateAsync"/>.
    /// </summary>
    public static async Task<(SellerJourney Seller, Guid ListingId, Guid ContractId, string ContractNumber)> FiledAsync(
        PortalFactory factory, string sellerKey, string homeKey, params string[] buyerKeys)
    {
        var (seller, listingId, contractId) = await ReadyToFileAsync(factory, sellerKey, homeKey, buyerKeys);
        var page = await SendCodesAsync(seller.Client, contractId);
        using var response = await ConfirmAsync(seller.Client, page, await CodesForAsync(factory, [.. buyerKeys, sellerKey]));
        if (response.Headers.Location?.OriginalString != "/contracts?message=filed")
        {
            throw new InvalidOperationException("Filing failed: " + string.Join(" | ",
                (await Forms.ParseAsync(response)).QuerySelectorAll(".alert, .field-error").Select(e => e.TextContent.Trim())));
        }

        var number = await factory.WithDbAsync(db => db.Contracts.Where(c => c.Id == contractId).Select(c => c.ContractNumber!).SingleAsync());
        return (seller, listingId, contractId, number);
    }

    /// <summary>Presses 发送短信验证码 on the filing page; returns the page after it.</summary>
    public static async Task<IHtmlDocument> SendCodesAsync(HttpClient client, Guid contractId)
    {
        var page = await Forms.GetDocumentAsync(client, $"/contracts/{contractId}/file");
        using var response = await Forms.SubmitAsync(client, page, "form", null, ("intent", "send"));
        return await Forms.ParseAsync(response);
    }

    /// <summary>Fills each party's code (in the order of the page's rows) and presses 确认提交.</summary>
    public static Task<HttpResponseMessage> ConfirmAsync(HttpClient client, IHtmlDocument filingPage, IReadOnlyList<string?> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        var values = codes.Select((c, i) => new KeyValuePair<string, string?>($"codes[{i}]", c)).ToDictionary();
        return Forms.SubmitAsync(client, filingPage, "form", values, ("intent", "confirm"));
    }

    /// <summary>The latest code each party's phone received, in the page's order (buyers first, then owners).</summary>
    public static async Task<List<string?>> CodesForAsync(PortalFactory factory, params string[] citizenKeys)
    {
        var result = new List<string?>();
        foreach (var key in citizenKeys)
        {
            result.Add(await CitizenLogin.LatestCodeAsync(factory, DemoData.Citizen(key).Phone, "Filing"));
        }

        return result;
    }
}
