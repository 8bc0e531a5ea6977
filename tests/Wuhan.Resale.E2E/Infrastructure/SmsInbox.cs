using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Wuhan.Resale.E2E.Infrastructure;

/// <summary>The development SMS inbox (<c>/dev/sms?format=json</c>), read as a person reads their phone.</summary>
public static partial class SmsInbox
{
    public static async Task<int> CountAsync(IBrowserContext context, string phone) =>
        (await ReadAsync(context, phone)).Count;

    /// <summary>Waits for a message newer than the <paramref name="before"/> already there; returns its 6-digit code.</summary>
    public static async Task<string> WaitForCodeAsync(IBrowserContext context, string phone, int before)
    {
        ArgumentNullException.ThrowIfNull(context);
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var messages = await ReadAsync(context, phone);
            if (messages.Count > before)
            {
                var code = SixDigits().Match(messages[0]);
                if (code.Success)
                {
                    return code.Value;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No new SMS code reached {phone} in 20 seconds.");
    }

    /// <summary>The newest message on the phone, as its owner reads it.</summary>
    public static async Task<string> LatestTextAsync(IBrowserContext context, string phone) =>
        (await ReadAsync(context, phone)).FirstOrDefault() ?? throw new InvalidOperationException($"No SMS reached {phone}.");

    private static async Task<List<string>> ReadAsync(IBrowserContext context, string phone)
    {
        var response = await context.APIRequest.GetAsync($"/dev/sms?format=json&phone={phone}");
        Assert.True(response.Ok, $"The development SMS inbox answered {response.Status}.");
        using var json = JsonDocument.Parse(await response.TextAsync());
        return [.. json.RootElement.EnumerateArray().Select(m => m.GetProperty("text").GetString() ?? string.Empty)];
    }

    [GeneratedRegex(@"(?<!\d)\d{6}(?!\d)")]
    private static partial Regex SixDigits();
}
