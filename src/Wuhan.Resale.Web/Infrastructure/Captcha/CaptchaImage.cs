using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using SkiaSharp;
using Wuhan.Resale.Web.Pdf;

namespace Wuhan.Resale.Web.Infrastructure.Captcha;

// Why this resists simple segmentation: every character gets its own size, rotation, skew, width and baseline, and
// its outline overlaps its neighbour's by a few pixels; each glyph is one connected shape, so a column projection of
// the ink never drops to zero between characters. Colour does not split them either: each character is a gradient
// between two colours of a three-colour palette per image, and the curves crossing the text use the same palette.
// A sine warp bends the whole line, so no character is an affine copy of a font glyph. The curves are thinner than
// the stems (thicker ones made the text hard to read), so a morphological filter can remove them; the overlap and the
// warp remain. How well a trained OCR model reads these images is not measured: that needs such a model and labelled
// data, which are out of reach here. Treat the captcha as a brake on cheap bots, not as proof of a human.

/// <summary>
/// Generates captcha answers and renders them as distorted PNG images with SkiaSharp. Glyph outlines come from the
/// font the portal ships for contracts (<see cref="ContractFont"/>), never from system fonts. The typeface is loaded
/// once and shared (Skia typefaces are immutable and thread-safe); everything else is local to each call, so the class
/// is thread-safe. All randomness comes from <see cref="RandomNumberGenerator"/>.
/// </summary>
public static class CaptchaImage
{
    /// <summary>
    /// The characters a captcha may contain (27): digits 2–9 and the capital letters
    /// A C D E F H J K L M N P R T U V W X Y. Left out are the look-alike pairs a person confuses once a
    /// glyph is rotated and warped: 0, O and Q and 1 and I are all dropped; of B/8, S/5, G/6 and Z/2 the
    /// digit is kept. There is no lower case, so no c/C, x/X style pairs either.
    /// </summary>
    public const string Alphabet = "23456789ACDEFHJKLMNPRTUVWXY";

    /// <summary>Image width in pixels.</summary>
    public const int Width = 160;

    /// <summary>Image height in pixels.</summary>
    public const int Height = 56;

    /// <summary>Shortest text <see cref="RenderPng"/> accepts.</summary>
    public const int MinLength = 3;

    /// <summary>Longest text <see cref="RenderPng"/> accepts.</summary>
    public const int MaxLength = 8;

    // Pixel size the glyphs are taken at; Noto Sans capitals are then about 33 px tall before per-character scaling.
    private const float GlyphSize = 46;
    private const float Margin = 7;

    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    private static readonly Lazy<SKTypeface> Typeface = new(LoadTypeface, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Returns a new random answer of <paramref name="length"/> characters from <see cref="Alphabet"/>.</summary>
    public static string NewAnswer(int length = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, MinLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaxLength);
        return string.Create(length, 0, static (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });
    }

    /// <summary>
    /// Renders <paramref name="text"/> as a <see cref="Width"/>×<see cref="Height"/> PNG with random per-character
    /// size, rotation, skew, width, baseline and colour, overlapping neighbours, a sine warp, noise curves and
    /// speckles. Two renders of the same text differ.
    /// </summary>
    /// <exception cref="ArgumentException">The text is null, not 3–8 characters long, or contains a character outside <see cref="Alphabet"/>.</exception>
    public static byte[] RenderPng(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length is < MinLength or > MaxLength)
        {
            throw new ArgumentException($"Captcha text must be {MinLength} to {MaxLength} characters long.", nameof(text));
        }

        if (text.AsSpan().ContainsAnyExcept(AlphabetValues))
        {
            throw new ArgumentException("Captcha text may only contain characters from CaptchaImage.Alphabet.", nameof(text));
        }

        var random = new Entropy();
        var palette = NewPalette(random);
        using var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            PaintBackground(canvas, random);
            DrawText(canvas, text, palette, random);
            DrawNoiseCurves(canvas, palette, random);
            DrawSpeckles(canvas, palette, random);
        }

        using var pixmap = bitmap.PeekPixels();
        // Sub filtering at zlib level 6 came out smallest for its speed here; level 9 took about eight times as long for 3 % less.
        using var png = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 6))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the captcha as PNG.");
        return png.ToArray();
    }

    private static SKTypeface LoadTypeface()
    {
        var path = ContractFont.LocateFontFile();
        var typeface = SKTypeface.FromFile(path)
            ?? throw new InvalidOperationException($"SkiaSharp could not load the captcha font {path}.");
        using var font = new SKFont(typeface, GlyphSize);
        foreach (var c in Alphabet)
        {
            if (font.GetGlyph(c) == 0)
            {
                typeface.Dispose();
                throw new InvalidOperationException($"The captcha font {path} has no glyph for '{c}'.");
            }
        }

        return typeface;
    }

    // Three dark colours of clearly different hue; every character and curve is drawn from these. Each is darkened
    // until its luma is at most 90 of 255 (the background stays above about 190), so the text keeps its contrast.
    private static SKColor[] NewPalette(Entropy random)
    {
        var hue = random.Range(0, 360);
        var palette = new SKColor[3];
        for (var i = 0; i < palette.Length; i++)
        {
            var h = (float)((hue + (i * 120) + random.Range(-25, 25) + 360) % 360);
            var s = (float)random.Range(45, 85);
            var l = (float)random.Range(16, 30);
            do
            {
                palette[i] = SKColor.FromHsl(h, s, l);
                l -= 2;
            }
            while (Luma(palette[i]) > 90);
        }

        return palette;
    }

    private static int Luma(SKColor c) => ((299 * c.Red) + (587 * c.Green) + (114 * c.Blue)) / 1000;

    private static void PaintBackground(SKCanvas canvas, Entropy random)
    {
        using var paint = new SKPaint { IsAntialias = true };
        var angle = random.Range(0, Math.PI);
        var (dy, dx) = Math.SinCos(angle);
        var centre = new SKPoint(Width / 2f, Height / 2f);
        var reach = new SKPoint((float)(dx * Width / 2), (float)(dy * Width / 2));
        using (var shader = SKShader.CreateLinearGradient(centre - reach, centre + reach, [LightColour(random), LightColour(random)], SKShaderTileMode.Clamp))
        {
            paint.Shader = shader;
            canvas.DrawRect(0, 0, Width, Height, paint);
            paint.Shader = null;
        }

        // A few large, faint blobs so no two backgrounds share a simple model.
        var blobs = random.Next(2, 5);
        for (var b = 0; b < blobs; b++)
        {
            paint.Color = LightColour(random).WithAlpha((byte)random.Next(70, 160));
            canvas.DrawOval(
                (float)random.Range(0, Width), (float)random.Range(0, Height),
                (float)random.Range(10, 40), (float)random.Range(8, 24), paint);
        }
    }

    private static SKColor LightColour(Entropy random) =>
        SKColor.FromHsl((float)random.Range(0, 360), (float)random.Range(30, 80), (float)random.Range(86, 95));

    private static void DrawText(SKCanvas canvas, string text, SKColor[] palette, Entropy random)
    {
        using var font = new SKFont(Typeface.Value, GlyphSize);
        var glyphs = new SKPath[text.Length];
        try
        {
            var overlaps = new float[text.Length];
            var inkWidth = 0f;
            var overlapWidth = 0f;
            for (var i = 0; i < text.Length; i++)
            {
                glyphs[i] = ShapeGlyph(font, text[i], random);
                inkWidth += glyphs[i].TightBounds.Width;
                overlaps[i] = i == 0 ? 0 : (float)random.Range(1.0, 3.0);
                overlapWidth += overlaps[i];
            }

            // Fit the line to the image: shrink it whole when too long, widen the glyphs a little when it is short.
            var available = Width - (2 * Margin);
            var fit = (available + overlapWidth) / inkWidth;
            var scaleX = Math.Min(fit, 1.6f);
            var scale = SKMatrix.CreateScale(scaleX, Math.Min(fit, 1f));
            var slack = Math.Max(0, available - ((inkWidth * scaleX) - overlapWidth)) / 2;
            var cursor = Margin + slack + ((float)random.Range(-1, 1) * Math.Min(slack, 6));

            var warp = new Warp(random);
            using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.StrokeAndFill };
            for (var i = 0; i < glyphs.Length; i++)
            {
                // Each glyph starts a little before the previous one ends, on its own baseline.
                glyphs[i].Transform(scale);
                var bounds = glyphs[i].TightBounds;
                var left = cursor - overlaps[i];
                var spare = Math.Max(0, (Height - 8 - bounds.Height) / 2);
                var middle = (Height / 2f) + ((float)random.Range(-1, 1) * Math.Min(5, spare));
                glyphs[i].Transform(SKMatrix.CreateTranslation(left - bounds.Left, middle - bounds.MidY));
                cursor = left + bounds.Width;

                using var warped = warp.Apply(glyphs[i]);
                FillGlyph(canvas, paint, warped, palette, random);
            }
        }
        finally
        {
            foreach (var glyph in glyphs)
            {
                glyph?.Dispose();
            }
        }
    }

    // A diagonal gradient between two palette colours, thickened by a thin outline of the same paint.
    private static void FillGlyph(SKCanvas canvas, SKPaint paint, SKPath glyph, SKColor[] palette, Entropy random)
    {
        var bounds = glyph.TightBounds;
        var first = random.Next(0, palette.Length);
        var second = (first + random.Next(1, palette.Length)) % palette.Length;
        var downwards = random.Next(0, 2) == 0;
        var from = new SKPoint(bounds.Left, downwards ? bounds.Top : bounds.Bottom);
        var to = new SKPoint(bounds.Right, downwards ? bounds.Bottom : bounds.Top);
        using var shader = SKShader.CreateLinearGradient(from, to, [palette[first], palette[second]], SKShaderTileMode.Clamp);
        paint.Shader = shader;
        paint.StrokeWidth = (float)random.Range(0.6, 1.3);
        canvas.DrawPath(glyph, paint);
        paint.Shader = null;
    }

    // The glyph outline centred on the origin, with this character's own size, width, skew and rotation.
    private static SKPath ShapeGlyph(SKFont font, char c, Entropy random)
    {
        var path = font.GetGlyphPath(font.GetGlyph(c))
            ?? throw new InvalidOperationException($"The captcha font has no outline for '{c}'.");
        var centre = path.TightBounds;
        var size = (float)random.Range(0.85, 1.05);
        var matrix = SKMatrix.CreateTranslation(-centre.MidX, -centre.MidY);
        matrix = SKMatrix.Concat(SKMatrix.CreateScale(size * (float)random.Range(0.9, 1.15), size), matrix);
        matrix = SKMatrix.Concat(SKMatrix.CreateSkew((float)random.Range(-0.18, 0.18), 0), matrix);
        matrix = SKMatrix.Concat(SKMatrix.CreateRotationDegrees((float)random.Range(-18, 18)), matrix);
        path.Transform(matrix);
        return path;
    }

    // Curves from edge to edge through the text band, in the text's own colours.
    private static void DrawNoiseCurves(SKCanvas canvas, SKColor[] palette, Entropy random)
    {
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeCap = SKStrokeCap.Round };
        var curves = random.Next(2, 4);
        for (var c = 0; c < curves; c++)
        {
            using var builder = new SKPathBuilder();
            builder.MoveTo((float)random.Range(-6, 30), (float)random.Range(12, Height - 12));
            builder.CubicTo(
                (float)random.Range(30, 75), (float)random.Range(-12, Height + 12),
                (float)random.Range(85, 130), (float)random.Range(-12, Height + 12),
                (float)random.Range(Width - 30, Width + 6), (float)random.Range(12, Height - 12));
            using var path = builder.Detach();
            paint.Color = palette[random.Next(0, palette.Length)];
            paint.StrokeWidth = (float)random.Range(1.4, 2.0);
            canvas.DrawPath(path, paint);
        }
    }

    private static void DrawSpeckles(SKCanvas canvas, SKColor[] palette, Entropy random)
    {
        using var paint = new SKPaint { IsAntialias = true };
        var dark = random.Next(30, 45);
        for (var d = 0; d < dark; d++)
        {
            paint.Color = palette[random.Next(0, palette.Length)].WithAlpha((byte)random.Next(110, 230));
            canvas.DrawCircle((float)random.Range(0, Width), (float)random.Range(0, Height), (float)random.Range(0.5, 1.3), paint);
        }

        // Light specks bite small holes out of the strokes.
        var light = random.Next(12, 20);
        for (var d = 0; d < light; d++)
        {
            paint.Color = LightColour(random);
            canvas.DrawCircle((float)random.Range(0, Width), (float)random.Range(0, Height), (float)random.Range(0.5, 1.0), paint);
        }
    }

    /// <summary>Random numbers from <see cref="RandomNumberGenerator"/>, fetched in blocks; one instance per render.</summary>
    private sealed class Entropy
    {
        private readonly byte[] _buffer = new byte[512];
        private int _position = 512;

        public double NextDouble()
        {
            if (_position > _buffer.Length - 4)
            {
                RandomNumberGenerator.Fill(_buffer);
                _position = 0;
            }

            var value = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_position));
            _position += 4;
            return (value >> 5) * (1.0 / (1 << 27));
        }

        public double Range(double min, double max) => min + ((max - min) * NextDouble());

        public int Next(int minInclusive, int maxExclusive) =>
            Math.Min(maxExclusive - 1, minInclusive + (int)(NextDouble() * (maxExclusive - minInclusive)));
    }

    /// <summary>A gentle two-axis sine displacement, applied to every point of an outline.</summary>
    private sealed class Warp(Entropy random)
    {
        private readonly double _amplitudeX = random.Range(1.0, 2.0);
        private readonly double _frequencyX = 2 * Math.PI / random.Range(30, 55);
        private readonly double _phaseX = random.Range(0, 2 * Math.PI);
        private readonly double _amplitudeY = random.Range(1.5, 3.0);
        private readonly double _frequencyY = 2 * Math.PI / random.Range(60, 110);
        private readonly double _phaseY = random.Range(0, 2 * Math.PI);

        public SKPath Apply(SKPath source)
        {
            using var result = new SKPathBuilder { FillType = source.FillType };
            using var iterator = source.CreateRawIterator();
            var points = new SKPoint[4];
            SKPathVerb verb;
            while ((verb = iterator.Next(points)) != SKPathVerb.Done)
            {
                switch (verb)
                {
                    case SKPathVerb.Move:
                        result.MoveTo(Displace(points[0]));
                        break;
                    case SKPathVerb.Line:
                        result.LineTo(Displace(points[1]));
                        break;
                    case SKPathVerb.Quad:
                        result.QuadTo(Displace(points[1]), Displace(points[2]));
                        break;
                    case SKPathVerb.Conic:
                        result.ConicTo(Displace(points[1]), Displace(points[2]), iterator.ConicWeight());
                        break;
                    case SKPathVerb.Cubic:
                        result.CubicTo(Displace(points[1]), Displace(points[2]), Displace(points[3]));
                        break;
                    case SKPathVerb.Close:
                        result.Close();
                        break;
                    default:
                        break;
                }
            }

            return result.Detach();
        }

        private SKPoint Displace(SKPoint p) => new(
            (float)(p.X + (_amplitudeX * Math.Sin((p.Y * _frequencyX) + _phaseX))),
            (float)(p.Y + (_amplitudeY * Math.Sin((p.X * _frequencyY) + _phaseY))));
    }
}
