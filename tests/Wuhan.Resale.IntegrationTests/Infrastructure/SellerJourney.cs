using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Wuhan.Resale.Domain.Queries;
using Wuhan.Resale.Web.Data.Seed;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>A signed-in seller going through 房源核验 by the page's own buttons and forms.</summary>
public sealed class SellerJourney(PortalFactory factory, HttpClient client, DemoCitizen citizen)
{
    public HttpClient Client { get; } = client;

    public DemoCitizen Citizen { get; } = citizen;

    public static async Task<SellerJourney> SignInAsync(PortalFactory factory, string citizenKey)
    {
        var citizen = DemoData.Citizen(citizenKey);
        var client = await new CitizenLogin(factory).SignInAsync(citizen);
        return new SellerJourney(factory, client, citizen);
    }

    /// <summary>Presses 个人房产信息查询 and waits for the background worker to finish; returns the query id.</summary>
    public async Task<Guid> QueryHomesAsync()
    {
        var page = await Forms.GetDocumentAsync(Client, "/listing");
        using var response = await Forms.SubmitAsync(Client, page, "form[action='/listing/queries']");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Starting the query failed: " + response.StatusCode);
        }

        return await WaitForLatestQueryAsync();
    }

    public async Task<Guid> WaitForLatestQueryAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            var latest = await factory.WithDbAsync(db => db.PropertyQueries.AsNoTracking()
                .Where(q => q.ApplicantName == Citizen.Name)
                .OrderByDescending(q => q.RequestedAt)
                .Select(q => new { q.Id, q.Status })
                .FirstAsync());
            if (latest.Status != PropertyQueryStatus.Pending)
            {
                return latest.Id;
            }

            await Task.Delay(50);
        }

        var logs = string.Join("\n", Directory.GetFiles(Path.Combine(factory.DataDirectory, "logs")).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return string.Join("\n", reader.ReadToEnd().Split('\n').Where(l => l.Contains("Warning", StringComparison.Ordinal) || l.Contains("Error", StringComparison.Ordinal)).TakeLast(5));
        }));
        throw new TimeoutException("The property query did not complete. Recent warnings: " + logs);
    }

    /// <summary>Ticks the consent on the user notice and presses 确定; returns the homes page.</summary>
    public async Task<IHtmlDocument> ConsentAsync(Guid queryId)
    {
        var notice = await Forms.GetDocumentAsync(Client, $"/listing/queries/{queryId}/notice");
        using var response = await Forms.SubmitAsync(Client, notice, "form", new Dictionary<string, string?> { ["agree"] = "true" });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Consent failed: " + response.StatusCode);
        }

        return await Forms.GetDocumentAsync(Client, response.Headers.Location!.OriginalString);
    }

    /// <summary>Chooses the home with this certificate and presses 确认提交.</summary>
    public Task<HttpResponseMessage> VerifyAsync(IHtmlDocument homesPage, string certificateNumber)
    {
        ArgumentNullException.ThrowIfNull(homesPage);
        var radio = RadioFor(homesPage, certificateNumber)
            ?? throw new InvalidOperationException($"The homes list has no home {certificateNumber}.");
        return Forms.SubmitAsync(Client, homesPage, "form[action$='/verify']",
            new Dictionary<string, string?> { ["recordId"] = radio.Value });
    }

    public static IHtmlInputElement? RadioFor(IHtmlDocument homesPage, string certificateNumber)
    {
        ArgumentNullException.ThrowIfNull(homesPage);
        return homesPage.QuerySelectorAll("tbody tr, .home-item")
            .Where(row => row.TextContent.Contains(certificateNumber, StringComparison.Ordinal))
            .Select(row => row.QuerySelector("input[type=radio]"))
            .OfType<IHtmlInputElement>()
            .FirstOrDefault();
    }

    /// <summary>The whole of step 2 for one home; returns the response to 确认提交.</summary>
    public async Task<HttpResponseMessage> VerifyHomeAsync(string homeKey)
    {
        var queryId = await QueryHomesAsync();
        var homes = await ConsentAsync(queryId);
        return await VerifyAsync(homes, DemoData.Property(homeKey).CertificateNumber);
    }
}
