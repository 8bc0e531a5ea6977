using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>Reads pages and submits their forms the way a browser does, antiforgery token included.</summary>
public static class Forms
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(HttpClient client, string url)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        return await ParseAsync(response);
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>Posts the first form matching the selector with its current values, some overridden, and the pressed button.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(
        HttpClient client,
        IHtmlDocument page,
        string formSelector,
        IReadOnlyDictionary<string, string?>? values = null,
        (string Name, string Value)? button = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new InvalidOperationException($"No form matches '{formSelector}'.");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Type is not ("submit" or "button" or "image") && !string.IsNullOrEmpty(input.Name):
                    if (input.Type is "checkbox" or "radio" && !input.IsChecked)
                    {
                        break;
                    }

                    fields.Add(new(input.Name, input.Value));
                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }

        foreach (var (name, value) in values ?? new Dictionary<string, string?>())
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        if (button is { } pressed)
        {
            fields.Add(new(pressed.Name, pressed.Value));
        }

        var action = form.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : action;
        return client.PostAsync(new Uri(target, UriKind.RelativeOrAbsolute), new FormUrlEncodedContent(fields));
    }

    public static string? FieldError(IHtmlDocument page, string field)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.QuerySelector("#" + Web.Features.Shared.FieldErrors.ErrorId(field))?.TextContent.Trim();
    }

    /// <summary>
    /// Puts another session's antiforgery token into every form of <paramref name="page"/>, so a test can post a form
    /// that session was never shown (a clerk pressing a button of a page only an administrator may open).
    /// </summary>
    public static IHtmlDocument WithTokenOf(IHtmlDocument page, IHtmlDocument tokenSource)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(tokenSource);
        var token = tokenSource.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The token source page has no form.");
        foreach (var input in page.QuerySelectorAll("input[name='__RequestVerificationToken']"))
        {
            input.SetAttribute("value", token);
        }

        return page;
    }
}
