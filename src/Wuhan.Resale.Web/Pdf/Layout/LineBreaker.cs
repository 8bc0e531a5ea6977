using System.Text;

namespace Wuhan.Resale.Web.Pdf.Layout;

/// <summary>A piece of one line: text from a single span, its offset from the line start and its width.</summary>
internal sealed record LineFragment(string Text, double X, double Width, bool Filled);

internal sealed record TextLine(IReadOnlyList<LineFragment> Fragments, double Width)
{
    public string Text => string.Concat(Fragments.Select(f => f.Text));
}

/// <summary>
/// Breaks Chinese text into lines: a line may end after any CJK character or between Latin words, except that
/// closing punctuation never starts a line and opening punctuation never ends one (禁则, kinsoku).
/// </summary>
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
        var tokens = Tokenize(spans, size);
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
            current = [];
            used = 0;
            available = width;
        }

        var index = 0;
        while (index < tokens.Count)
        {
            var end = AtomEnd(tokens, index);
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
                current.AddRange(tokens.Skip(index).Take(end - index));
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
                foreach (var piece in SplitToFit(tokens[i], size))
                {
                    if (current.Count > 0 && used + piece.Width > available + 0.01)
                    {
                        EndLine();
                    }

                    current.Add(piece);
                    used += piece.Width;
                }
            }

            index = end;
        }

        if (current.Count > 0 || lines.Count == 0)
        {
            EndLine();
        }

        return lines;
    }

    private static int AtomEnd(List<Token> tokens, int start)
    {
        var end = start + 1;
        while (end < tokens.Count && !CanBreakBetween(tokens[end - 1], tokens[end]))
        {
            end++;
        }

        return end;
    }

    private static bool CanBreakBetween(Token before, Token after)
    {
        if (before.IsSpace || after.IsSpace)
        {
            return true;
        }

        if (NoLineStart.Contains(after.Text[0], StringComparison.Ordinal) || NoLineEnd.Contains(before.Text[^1], StringComparison.Ordinal))
        {
            return false;
        }

        return !(before.IsWord && after.IsWord);
    }

    private static List<Token> Tokenize(IReadOnlyList<TextSpan> spans, double size)
    {
        var font = ContractFont.Instance;
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

                var piece = text[start..i];
                tokens.Add(new Token(piece, s, kind, font.Measure(piece, size)));
            }
        }

        return tokens;
    }

    /// <summary>Latin letters, digits and ASCII punctuation stay together as one word.</summary>
    private static bool IsWordChar(char c) =>
        c is > ' ' and < '\u007F' || (c >= '\u00C0' && c < '\u0250' && char.IsLetter(c));

    private static IEnumerable<Token> SplitToFit(Token token, double size)
    {
        if (token.Kind != TokenKind.Word || token.Text.Length == 1)
        {
            yield return token;
            yield break;
        }

        var font = ContractFont.Instance;
        foreach (var c in token.Text)
        {
            var piece = c.ToString();
            yield return new Token(piece, token.Span, TokenKind.Single, font.Measure(piece, size));
        }
    }

    private static TextLine ToLine(List<Token> tokens, IReadOnlyList<TextSpan> spans)
    {
        var fragments = new List<LineFragment>();
        var builder = new StringBuilder();
        double x = 0;
        double fragmentStart = 0;
        var span = -1;

        void Flush()
        {
            if (builder.Length > 0)
            {
                fragments.Add(new LineFragment(builder.ToString(), fragmentStart, x - fragmentStart, spans[span].Filled));
                builder.Clear();
            }
        }

        foreach (var token in tokens)
        {
            if (token.Span != span)
            {
                Flush();
                span = token.Span;
                fragmentStart = x;
            }

            builder.Append(token.Text);
            x += token.Width;
        }

        Flush();
        return new TextLine(fragments, x);
    }

    private enum TokenKind
    {
        Space,
        Word,
        Single,
    }

    private readonly record struct Token(string Text, int Span, TokenKind Kind, double Width)
    {
        public bool IsSpace => Kind == TokenKind.Space;

        public bool IsWord => Kind == TokenKind.Word;
    }
}
