using Wuhan.Resale.Web.Pdf.Layout;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>Builds a paragraph of model-contract prose with filled-in values marked for underlining.</summary>
internal sealed class Prose
{
    private readonly List<TextSpan> _spans = [];

    public IReadOnlyList<TextSpan> Spans => _spans;

    /// <summary>Fixed contract wording.</summary>
    public Prose T(string text)
    {
        if (text.Length == 0)
        {
            return this;
        }

        _spans.Add(new TextSpan(text));
        return this;
    }

    /// <summary>A filled-in value, underlined; an empty one prints as <see cref="ContractValues.Blank"/>.</summary>
    public Prose V(string? value)
    {
        _spans.Add(new TextSpan(ContractValues.Printed(value), Filled: true));
        return this;
    }

    public Prose V(DateOnly? value) => V(value is { } date ? ContractValues.DateText(date) : null);

    /// <summary>A paragraph of the model contract with its blanks filled from <paramref name="document"/>.</summary>
    public static Prose Of(ContractDocument document, ContractParagraph paragraph)
    {
        var prose = new Prose();
        foreach (var part in paragraph.Parts)
        {
            _ = part switch
            {
                ContractText text => prose.T(text.Text),
                ContractBlank blank => prose.T(blank.Prefix ?? string.Empty).V(ContractValues.Of(document, blank.Slot))
                    .T(blank.Unit ?? string.Empty).T(ContractValues.MarkOf(document.Home, blank.Slot)),
                _ => prose,
            };
        }

        return prose;
    }
}
