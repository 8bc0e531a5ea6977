namespace Wuhan.Resale.Web.Pdf.Layout;

/// <summary>A piece of one line: text from a single span, its offset from the line start and its width.</summary>
internal sealed record LineFragment(string Text, double X, double Width, bool Filled);

internal sealed class TextLine(IReadOnlyList<LineFragment> fragments, double width)
{
    private string? _text;

    public IReadOnlyList<LineFragment> Fragments { get; } = fragments;

    public double Width { get; } = width;

    /// <summary>The whole line as one string (a line of one fragment is that fragment's string, not a copy).</summary>
    public string Text => _text ??= Fragments.Count switch
    {
        0 => string.Empty,
        1 => Fragments[0].Text,
        _ => string.Concat(Fragments.Select(f => f.Text)),
    };
}

/// <summary>
/// Breaks Chinese text into lines: a line may end after any CJK character or between Latin words, except that
/// closing punctuation never starts a line and opening punctuation never ends one (禁则, kinsoku).
/// </summary>
/// <remarks>
/// Runs once per line of every contract PDF, so it works on positions in the span texts rather than on a string per
/// character: a token is a range of its span, and a line's fragment is one substring of its span (the tokens of one
/// span on one line are always adjacent in that span's text).
/// </remarks>
internal static class LineBreaker
{
    /// <summary>Characters that may not begin a line.</summary>
    public const string NoLineStart = "。，、；：？！）》”’」』】〕〉…—～·％,.;:?!)]}%";

    /// <summary>Characters that may not end a line.</summary>
    public const string NoLineEnd = "（《“‘「『【〔〈([{";

    /// <summary>Breaks plain text (one style, no values); what the tests use.</summary>
    public static IReadOnlyList<string> BreakPlain(string text, double size, double width) =>
        [.. Break([new TextSpan(text)], size, width).Select(l => l.Text)];

    /// <summary>Lays out <paramref name="spans"/> into lines no wider than <paramref name="width"/> points.</summary>
    /// <param name="firstLineIndent">Extra indent of the first line (e.g. two characters for a paragraph).</param>
    public static IReadOnlyList<TextLine> Break(IReadOnlyList<TextSpan> spans, double size, double width, double firstLineIndent = 0)
    {
        var font = ContractFont.Instance;
        var tokens = Tokenize(spans, size, font);
        var lines = new List<TextLine>();
        var current = new List<Token>();
        double used = 0;
        var available = width - firstLineIndent;

        void EndLine()
        {
            while (current.Count > 0 && current[^1].IsSpace)
            {
                used -= current[^1].Width;
                current.RemoveAt(current.Count - 1);
            }

            lines.Add(ToLine(current, spans));
            current.Clear();
            used = 0;
            available = width;
        }

        var index = 0;
        while (index < tokens.Count)
        {
            var end = AtomEnd(tokens, index, spans);
            var atomWidth = 0d;
            for (var i = index; i < end; i++)
            {
                atomWidth += tokens[i].Width;
            }

            if (tokens[index].IsSpace && current.Count == 0)
            {
                index = end;
                continue;
            }

            if (used + atomWidth <= available + 0.01)
            {
                for (var i = index; i < end; i++)
                {
                    current.Add(tokens[i]);
                }

                used += atomWidth;
                index = end;
                continue;
            }

            if (current.Count > 0)
            {
                EndLine();
                continue;
            }

            // An atom wider than a whole line (a very long number or address without spaces): break it anywhere.
            for (var i = index; i < end; i++)
            {
                var token = tokens[i];
                if (token.Kind != TokenKind.Word || token.Length == 1)
                {
                    Place(token);
                    continue;
                }

                var text = spans[token.Span].Text;
                for (var c = token.Start; c < token.Start + token.Length; c++)
                {
                    Place(new Token(token.Span, c, 1, TokenKind.Single, font.Measure(text.AsSpan(c, 1), size)));
                }
            }

            index = end;
        }

        if (current.Count > 0 || lines.Count == 0)
        {
            EndLine();
        }

        return lines;

        void Place(Token piece)
        {
            if (current.Count > 0 && used + piece.Width > available + 0.01)
            {
                EndLine();
            }

            current.Add(piece);
            used += piece.Width;
        }
    }

    private static int AtomEnd(List<Token> tokens, int start, IReadOnlyList<TextSpan> spans)
    {
        var end = start + 1;
        while (end < tokens.Count && !CanBreakBetween(tokens[end - 1], tokens[end], spans))
        {
            end++;
        }

        return end;
    }

    private static bool CanBreakBetween(Token before, Token after, IReadOnlyList<TextSpan> spans)
    {
        if (before.IsSpace || after.IsSpace)
        {
            return true;
        }

        var first = spans[after.Span].Text[after.Start];
        var last = spans[before.Span].Text[before.Start + before.Length - 1];
        if (NoLineStart.Contains(first, StringComparison.Ordinal) || NoLineEnd.Contains(last, StringComparison.Ordinal))
        {
            return false;
        }

        return !(before.IsWord && after.IsWord);
    }

    private static List<Token> Tokenize(IReadOnlyList<TextSpan> spans, double size, ContractFont font)
    {
        var tokens = new List<Token>();
        for (var s = 0; s < spans.Count; s++)
        {
            var text = spans[s].Text;
            var i = 0;
            while (i < text.Length)
            {
                var start = i;
                TokenKind kind;
                if (text[i] == ' ')
                {
                    kind = TokenKind.Space;
                    i++;
                }
                else if (IsWordChar(text[i]))
                {
                    kind = TokenKind.Word;
                    while (i < text.Length && IsWordChar(text[i]))
                    {
                        i++;
                    }
                }
                else
                {
                    kind = TokenKind.Single;
                    i += char.IsHighSurrogate(text[i]) && i + 1 < text.Length ? 2 : 1;
                }

                tokens.Add(new Token(s, start, i - start, kind, font.Measure(text.AsSpan(start, i - start), size)));
            }
        }

        return tokens;
    }

    /// <summary>Latin letters, digits and ASCII punctuation stay together as one word.</summary>
    private static bool IsWordChar(char c) =>
        c is > ' ' and < '\u007F' || (c >= '\u00C0' && c < '\u0250' && char.IsLetter(c));

    private static TextLine ToLine(List<Token> tokens, IReadOnlyList<TextSpan> spans)
    {
        var fragments = new List<LineFragment>(1);
        double x = 0;
        var i = 0;
        while (i < tokens.Count)
        {
            var span = tokens[i].Span;
            var start = tokens[i].Start;
            var fragmentStart = x;
            var end = start;
            while (i < tokens.Count && tokens[i].Span == span)
            {
                end = tokens[i].Start + tokens[i].Length;
                x += tokens[i].Width;
                i++;
            }

            var text = spans[span].Text;
            if (end > start)
            {
                var piece = start == 0 && end == text.Length ? text : text[start..end];
                fragments.Add(new LineFragment(piece, fragmentStart, x - fragmentStart, spans[span].Filled));
            }
        }

        return new TextLine(fragments, x);
    }

    private enum TokenKind
    {
        Space,
        Word,
        Single,
    }

    /// <summary>Characters [<see cref="Start"/>, <see cref="Start"/> + <see cref="Length"/>) of span <see cref="Span"/>.</summary>
    private readonly record struct Token(int Span, int Start, int Length, TokenKind Kind, double Width)
    {
        public bool IsSpace => Kind == TokenKind.Space;

        public bool IsWord => Kind == TokenKind.Word;
    }
}
