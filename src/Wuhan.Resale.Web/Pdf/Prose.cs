using System.Globalization;
using Wuhan.Resale.Web.Pdf.Layout;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>Builds a paragraph of model-contract prose with filled-in values marked for underlining.</summary>
internal sealed class Prose
{
    /// <summary>What an unfilled optional value prints as.</summary>
    public const string Blank = "无";

    private readonly List<TextSpan> _spans = [];

    public IReadOnlyList<TextSpan> Spans => _spans;

    /// <summary>Fixed contract wording.</summary>
    public Prose T(string text)
    {
        _spans.Add(new TextSpan(text));
        return this;
    }

    /// <summary>A filled-in value, underlined; an empty one prints as <see cref="Blank"/>.</summary>
    public Prose V(string? value)
    {
        _spans.Add(new TextSpan(string.IsNullOrWhiteSpace(value) ? Blank : Clean(value), Filled: true));
        return this;
    }

    public Prose V(int? value) => V(value?.ToString(CultureInfo.InvariantCulture));

    public Prose V(DateOnly? value) => V(value is { } date ? DateText(date) : null);

    public static string DateText(DateOnly date) => $"{date.Year}年{date.Month}月{date.Day}日";

    /// <summary>Tabs and stray line breaks inside a one-line value become spaces.</summary>
    public static string Clean(string value) =>
        value.Trim().Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
