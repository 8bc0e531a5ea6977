using Microsoft.AspNetCore.Http.Features;

namespace Wuhan.Resale.Web.Infrastructure.Hardening;

/// <summary>
/// A posted form the framework cannot read (too many fields, a field too long, a broken encoding) is answered here,
/// before any page runs, with 400 and the page 请求格式不正确. Without this the framework's 400 re-ran the status page
/// with the same unreadable body and showed a misleading 404. Nothing is read twice: the parsed form is kept for MVC.
/// </summary>
public static class UnreadableRequests
{
    /// <summary>Marks the re-run of the status page for an unreadable body (see ErrorsController).</summary>
    public const string ItemKey = "Wuhan.Resale.UnreadableBody";

    public static IApplicationBuilder UseUnreadableRequestPage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!await IsReadableAsync(context))
        {
            context.Items[ItemKey] = true;
            context.Request.Method = HttpMethods.Get;
            context.Request.Body = Stream.Null;
            context.Request.ContentType = null;
            context.Request.ContentLength = 0;
            context.Request.Path = "/status/400";
            context.Request.QueryString = QueryString.Empty;
            context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
            await next();
            return;
        }

        await next();
    });

    private static async Task<bool> IsReadableAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.QueryString.HasValue && request.Query.Any(field => HasNul(field.Key, field.Value)))
        {
            return false;
        }

        // Only ordinary forms: an upload (multipart) is read by its own action under its own size limits.
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType
            || !string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            return !form.Any(field => HasNul(field.Key, field.Value));
        }
        catch (InvalidDataException)
        {
            return false;
        }
        catch (BadHttpRequestException)
        {
            return false;
        }
        catch (IOException) when (!context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }
    }

    private static bool HasNul(string key, Microsoft.Extensions.Primitives.StringValues values) =>
        key.Contains('\0', StringComparison.Ordinal) || values.Any(value => value is not null && value.Contains('\0', StringComparison.Ordinal));
}
