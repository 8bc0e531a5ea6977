using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Wuhan.Resale.Web.Features.Shared;

/// <summary>Renders the message for one field right beside it, and the attributes that tie the two together.</summary>
public static class FieldErrors
{
    public static string? MessageFor(this ModelStateDictionary modelState, string key)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        return modelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
    }

    public static IHtmlContent ErrorFor(this ModelStateDictionary modelState, string key)
    {
        var message = modelState.MessageFor(key);
        if (message is null)
        {
            return HtmlString.Empty;
        }

        var builder = new HtmlContentBuilder();
        builder.AppendHtml($"<span class=\"field-error\" id=\"{ErrorId(key)}\" role=\"alert\">");
        builder.Append(message);
        builder.AppendHtml("</span>");
        return builder;
    }

    /// <summary>aria-invalid and aria-describedby for an input whose field has an error.</summary>
    public static IHtmlContent AriaFor(this ModelStateDictionary modelState, string key) =>
        modelState.MessageFor(key) is null
            ? HtmlString.Empty
            : new HtmlString($"aria-invalid=\"true\" aria-describedby=\"{ErrorId(key)}\"");

    /// <summary>The id of a field's message: the key with anything but letters and digits turned into "_" ("Rows[0].Name" → "Rows_0__Name-error").</summary>
    public static string ErrorId(string key) =>
        new string((key ?? string.Empty).Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray()) + "-error";
}
