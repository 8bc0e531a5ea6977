using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Wuhan.Resale.LoadRun;

/// <summary>What a step got back: status, redirect target, body (text) and the time it took.</summary>
internal sealed record PageResponse(HttpStatusCode Status, string? Location, string Body, string? ContentType, long Bytes);

/// <summary>A step that did not go as a person would expect; the journey stops and the run counts an error.</summary>
internal sealed class JourneyException(string step, string message) : Exception($"{step}: {message}")
{
    public string Step { get; } = step;
}

/// <summary>
/// One simulated device (a desktop browser or a phone): its own cookies, its own client address (sent as
/// X-Forwarded-For, which the portal honours from a loopback proxy when ForwardedHeaders:Enabled is set), sharing the
/// run's connection pool. Redirects are not followed: each page a browser would load is its own timed step. With several
/// base addresses (instances of the portal) each request goes to the next one, as a balancer without sticky sessions
/// would send it; the cookies are the browser's, whichever instance set them.
/// </summary>
internal sealed class Browser(HttpClient http, IReadOnlyList<Uri> baseUrls, string clientAddress, Stats stats)
{
    private static int s_nextInstance = -1;

    private readonly CookieContainer _cookies = new();
    private readonly HtmlParser _parser = new();

    public Task<PageResponse> GetAsync(string step, string path) => SendAsync(step, HttpMethod.Get, path, null);

    /// <summary>
    /// The same page from every instance: the development SMS inbox is each instance's own (codes never reach the
    /// database in clear), so a tester's "phone" reads all of them.
    /// </summary>
    public async Task<IReadOnlyList<PageResponse>> GetFromEveryInstanceAsync(string step, string path)
    {
        var pages = new List<PageResponse>(baseUrls.Count);
        foreach (var baseUrl in baseUrls)
        {
            pages.Add(await SendToAsync(baseUrl, step, HttpMethod.Get, path, null));
        }

        return pages;
    }

    public async Task<IHtmlDocument> GetPageAsync(string step, string path)
    {
        var response = await GetAsync(step, path);
        Expect(step, response, HttpStatusCode.OK);
        return Parse(response);
    }

    public IHtmlDocument Parse(PageResponse response) => _parser.ParseDocument(response.Body);

    /// <summary>Posts a form of <paramref name="page"/> with its current values (antiforgery token included), some overridden, and the pressed button.</summary>
    public Task<PageResponse> SubmitAsync(
        string step, IHtmlDocument page, string formSelector, IReadOnlyDictionary<string, string>? values = null, (string Name, string Value)? button = null)
    {
        var form = page.QuerySelector(formSelector) as IHtmlFormElement
            ?? throw new JourneyException(step, $"the page has no form '{formSelector}' ({Title(page)})");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.Elements)
        {
            switch (element)
            {
                case IHtmlInputElement input when input.Type is not ("submit" or "button" or "image") && !string.IsNullOrEmpty(input.Name):
                    if (input.Type is not ("checkbox" or "radio") || input.IsChecked)
                    {
                        fields.Add(new(input.Name, input.Value));
                    }

                    break;
                case IHtmlSelectElement select when !string.IsNullOrEmpty(select.Name):
                    fields.Add(new(select.Name, select.Value ?? string.Empty));
                    break;
                case IHtmlTextAreaElement area when !string.IsNullOrEmpty(area.Name):
                    fields.Add(new(area.Name, area.Value));
                    break;
            }
        }

        foreach (var (name, value) in values ?? new Dictionary<string, string>())
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        if (button is { } pressed)
        {
            fields.Add(new(pressed.Name, pressed.Value));
        }

        var action = form.GetAttribute("action");
        if (string.IsNullOrEmpty(action))
        {
            throw new JourneyException(step, "the form has no action");
        }

        return SendAsync(step, HttpMethod.Post, action, new FormUrlEncodedContent(fields));
    }

    public static void Expect(string step, PageResponse response, HttpStatusCode status, string? locationStart = null)
    {
        if (response.Status != status)
        {
            throw new JourneyException(step, $"expected {(int)status}, got {(int)response.Status} {response.Location} {Excerpt(response.Body)}");
        }

        if (locationStart is not null && response.Location?.StartsWith(locationStart, StringComparison.Ordinal) != true)
        {
            throw new JourneyException(step, $"expected a redirect to {locationStart}…, got {response.Location}");
        }
    }

    public static string Title(IHtmlDocument page) => page.QuerySelector("h1")?.TextContent.Trim() ?? page.Title ?? "(no title)";

    /// <summary>The visible error texts of a page (field errors and alerts), for an error report.</summary>
    public static string Errors(IHtmlDocument page) =>
        string.Join(" | ", page.QuerySelectorAll(".field-error, .alert, [role=alert]").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Take(4));

    private static string Excerpt(string body)
    {
        var text = System.Text.RegularExpressions.Regex.Replace(body, "<[^>]+>|\\s+", " ").Trim();
        return text.Length > 300 ? text[..300] : text;
    }

    /// <summary>
    /// Browsers treat http://localhost and 127.0.0.1 as secure contexts and keep Secure cookies there (the portal marks
    /// its sign-in cookie Secure outside Development); elsewhere cookies follow the real scheme.
    /// </summary>
    private static Uri CookieScope(Uri target) =>
        target.IsLoopback && target.Scheme == Uri.UriSchemeHttp ? new UriBuilder(target) { Scheme = Uri.UriSchemeHttps, Port = target.Port }.Uri : target;

    private Task<PageResponse> SendAsync(string step, HttpMethod method, string path, HttpContent? content)
    {
        var instance = baseUrls.Count == 1 ? 0 : (int)((uint)Interlocked.Increment(ref s_nextInstance) % (uint)baseUrls.Count);
        return SendToAsync(baseUrls[instance], step, method, path, content);
    }

    private async Task<PageResponse> SendToAsync(Uri baseUrl, string step, HttpMethod method, string path, HttpContent? content)
    {
        var target = new Uri(baseUrl, path);
        using var request = new HttpRequestMessage(method, target) { Content = content };
        var cookieScope = CookieScope(target);
        var cookies = _cookies.GetCookieHeader(cookieScope);
        if (cookies.Length > 0)
        {
            request.Headers.Add("Cookie", cookies);
        }

        request.Headers.Add("X-Forwarded-For", clientAddress);
        var started = Stopwatch.GetTimestamp();
        PageResponse page;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var type = response.Content.Headers.ContentType?.MediaType;
            var body = type is not null && (type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal))
                ? System.Text.Encoding.UTF8.GetString(bytes)
                : string.Empty;
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var header in setCookies)
                {
                    _cookies.SetCookies(cookieScope, header);
                }
            }

            page = new PageResponse(response.StatusCode, response.Headers.Location?.OriginalString, body, type, bytes.LongLength);
        }
        catch (HttpRequestException ex)
        {
            stats.Record(step, Stopwatch.GetElapsedTime(started), serverError: false);
            throw new JourneyException(step, "request failed: " + ex.Message);
        }
        catch (TaskCanceledException)
        {
            stats.Record(step, Stopwatch.GetElapsedTime(started), serverError: false);
            throw new JourneyException(step, "timed out");
        }

        var serverError = (int)page.Status >= 500;
        stats.Record(step, Stopwatch.GetElapsedTime(started), serverError);
        if (serverError)
        {
            throw new JourneyException(step, $"server error {(int)page.Status}");
        }

        return page;
    }
}
