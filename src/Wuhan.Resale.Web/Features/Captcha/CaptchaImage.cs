using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Wuhan.Resale.Web.Features.Captcha;

/// <summary>
/// Generates captcha answers and renders them as distorted PNG images, in pure managed code:
/// a hand-designed vector stroke font, a small anti-aliased rasteriser and a minimal PNG encoder.
/// No font files or imaging libraries are involved. All state is local to each call, so the class
/// is thread-safe; all randomness comes from <see cref="RandomNumberGenerator"/>.
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

    // Glyph grid: x 0..4 (left to right), y 0..6 (top to bottom).
    private const double GlyphWidth = 4;
    private const double GlyphHeight = 6;

    private static readonly uint[] CrcTable = BuildCrcTable();

    // Polylines per character, indexed like Alphabet; each polyline is interleaved x,y grid coordinates.
    private static readonly double[][][] Glyphs = BuildGlyphs();

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
    /// Renders <paramref name="text"/> as a <see cref="Width"/>×<see cref="Height"/> 8-bit RGB PNG with random
    /// per-character rotation, scale and jitter, a sine warp, noise curves and noise dots. Two renders of the
    /// same text differ.
    /// </summary>
    /// <exception cref="ArgumentException">The text is null, not 3–8 characters long, or contains a character outside <see cref="Alphabet"/>.</exception>
    public static byte[] RenderPng(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length is < MinLength or > MaxLength)
        {
            throw new ArgumentException($"Captcha text must be {MinLength} to {MaxLength} characters long.", nameof(text));
        }

        var glyphIndexes = new int[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            glyphIndexes[i] = Alphabet.IndexOf(text[i], StringComparison.Ordinal);
            if (glyphIndexes[i] < 0)
            {
                throw new ArgumentException("Captcha text may only contain characters from CaptchaImage.Alphabet.", nameof(text));
            }
        }

        var random = new Entropy();
        var canvas = new Canvas();
        PaintBackground(canvas.Pixels, random);
        DrawNoiseDots(canvas, random, random.Next(25, 40), 90, 190);
        DrawText(canvas, glyphIndexes, random);
        DrawNoiseCurves(canvas, random);
        DrawNoiseDots(canvas, random, random.Next(60, 95), 40, 170);
        return EncodePng(canvas.Pixels, Width, Height);
    }

    private static void PaintBackground(byte[] pixels, Entropy random)
    {
        Span<double> left = stackalloc double[3];
        Span<double> right = stackalloc double[3];
        for (var c = 0; c < 3; c++)
        {
            left[c] = random.Range(222, 252);
            right[c] = random.Range(222, 252);
        }

        var grain = new byte[Width * Height];
        RandomNumberGenerator.Fill(grain);
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var t = (double)x / (Width - 1);
                var offset = (grain[(y * Width) + x] & 15) - 8;
                var i = ((y * Width) + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    pixels[i + c] = ClampByte(left[c] + ((right[c] - left[c]) * t) + offset);
                }
            }
        }
    }

    private static void DrawText(Canvas canvas, int[] glyphIndexes, Entropy random)
    {
        const double margin = 9;
        var count = glyphIndexes.Length;
        var cell = (Width - (2 * margin)) / count;
        var unit = Math.Min(5.1, cell / 5.4);
        var warp = new Warp(random);
        var points = new List<(double X, double Y)>(64);

        for (var i = 0; i < count; i++)
        {
            var scale = unit * random.Range(0.88, 1.1);
            var scaleX = scale * random.Range(0.88, 1.08);
            var angle = random.Range(-25, 25) * Math.PI / 180;
            var shear = random.Range(-0.15, 0.15);
            var (sin, cos) = Math.SinCos(angle);
            var centreX = margin + (cell * (i + 0.5)) + (cell * random.Range(-0.05, 0.05));
            var centreY = (Height / 2.0) + random.Range(-4, 4);
            var radius = Math.Max(1.15, unit * random.Range(0.3, 0.36));

            foreach (var polyline in Glyphs[glyphIndexes[i]])
            {
                points.Clear();
                for (var p = 0; p < polyline.Length; p += 2)
                {
                    var gx = polyline[p] - (GlyphWidth / 2);
                    var gy = polyline[p + 1] - (GlyphHeight / 2);
                    var x = (gx + (shear * gy)) * scaleX;
                    var y = gy * scale;
                    points.Add((centreX + (x * cos) - (y * sin), centreY + (x * sin) + (y * cos)));
                }

                StrokeWarped(canvas, points, warp, radius);
            }

            var (r, g, b) = DarkColour(random);
            canvas.Fill(r, g, b, 1.0);
        }
    }

    private static void StrokeWarped(Canvas canvas, List<(double X, double Y)> points, Warp warp, double radius)
    {
        var (prevX, prevY) = warp.Apply(points[0].X, points[0].Y);
        if (points.Count == 1)
        {
            canvas.Segment(prevX, prevY, prevX, prevY, radius);
            return;
        }

        for (var p = 1; p < points.Count; p++)
        {
            var (x0, y0) = points[p - 1];
            var (x1, y1) = points[p];
            var steps = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(((x1 - x0) * (x1 - x0)) + ((y1 - y0) * (y1 - y0))) / 2.5));
            for (var s = 1; s <= steps; s++)
            {
                var t = (double)s / steps;
                var (x, y) = warp.Apply(x0 + ((x1 - x0) * t), y0 + ((y1 - y0) * t));
                canvas.Segment(prevX, prevY, x, y, radius);
                (prevX, prevY) = (x, y);
            }
        }
    }

    private static void DrawNoiseCurves(Canvas canvas, Entropy random)
    {
        var curves = random.Next(2, 5);
        for (var c = 0; c < curves; c++)
        {
            // A cubic Bézier from the left edge to the right edge, bending through the text band.
            var x0 = random.Range(-6, 28);
            var y0 = random.Range(6, Height - 6);
            var x1 = random.Range(30, 80);
            var y1 = random.Range(-10, Height + 10);
            var x2 = random.Range(80, 130);
            var y2 = random.Range(-10, Height + 10);
            var x3 = random.Range(Width - 28, Width + 6);
            var y3 = random.Range(6, Height - 6);
            var radius = random.Range(0.65, 1.05);

            const int steps = 48;
            double prevX = x0, prevY = y0;
            for (var s = 1; s <= steps; s++)
            {
                var t = (double)s / steps;
                var u = 1 - t;
                var x = (u * u * u * x0) + (3 * u * u * t * x1) + (3 * u * t * t * x2) + (t * t * t * x3);
                var y = (u * u * u * y0) + (3 * u * u * t * y1) + (3 * u * t * t * y2) + (t * t * t * y3);
                canvas.Segment(prevX, prevY, x, y, radius);
                (prevX, prevY) = (x, y);
            }

            var (r, g, b) = DarkColour(random);
            canvas.Fill(r, g, b, random.Range(0.75, 0.95));
        }
    }

    private static void DrawNoiseDots(Canvas canvas, Entropy random, int count, int darkest, int lightest)
    {
        for (var d = 0; d < count; d++)
        {
            var x = random.Range(0, Width);
            var y = random.Range(0, Height);
            canvas.Segment(x, y, x, y, random.Range(0.35, 1.2));
            canvas.Fill(
                (byte)random.Next(darkest, lightest),
                (byte)random.Next(darkest, lightest),
                (byte)random.Next(darkest, lightest),
                random.Range(0.6, 1.0));
        }
    }

    private static (byte R, byte G, byte B) DarkColour(Entropy random)
    {
        // Dark, slightly tinted: one channel may rise a little so characters differ in hue.
        var r = random.Next(15, 85);
        var g = random.Next(15, 85);
        var b = random.Next(15, 85);
        switch (random.Next(0, 4))
        {
            case 0: r += 45; break;
            case 1: g += 35; break;
            case 2: b += 60; break;
            default: break;
        }

        return ((byte)r, (byte)g, (byte)b);
    }

    private static byte ClampByte(double value) => (byte)Math.Clamp((int)Math.Round(value), 0, 255);

    private static byte[] EncodePng(byte[] pixels, int width, int height)
    {
        var stride = width * 3;
        var raw = new byte[height * (stride + 1)];
        for (var y = 0; y < height; y++)
        {
            // raw[y * (stride + 1)] stays 0: filter type None.
            Buffer.BlockCopy(pixels, y * stride, raw, (y * (stride + 1)) + 1, stride);
        }

        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(raw);
        }

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: truecolour RGB
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method: adaptive
        header[12] = 0; // interlace: none

        var idat = compressed.GetBuffer().AsSpan(0, (int)compressed.Length);
        using var png = new MemoryStream(8 + (3 * 12) + header.Length + idat.Length);
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        WriteChunk(png, "IHDR"u8, header);
        WriteChunk(png, "IDAT"u8, idat);
        WriteChunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void WriteChunk(MemoryStream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(buffer, (uint)data.Length);
        png.Write(buffer);
        png.Write(type);
        png.Write(data);
        var crc = UpdateCrc(0xFFFFFFFFu, type);
        crc = UpdateCrc(crc, data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(buffer, crc);
        png.Write(buffer);
    }

    private static uint UpdateCrc(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }

    private static double[][][] BuildGlyphs()
    {
        var glyphs = new double[Alphabet.Length][][];
        for (var i = 0; i < Alphabet.Length; i++)
        {
            glyphs[i] = ParseGlyph(GlyphSource(Alphabet[i]));
        }

        return glyphs;
    }

    /// <summary>
    /// The stroke font. Polylines are separated by '|'; a token "x,y" is a point on the 4×6 grid, and a token
    /// "a cx,cy,rx,ry,from,to" (written without the space) appends an elliptical arc, angles in degrees
    /// counter-clockwise from 3 o'clock (so 90 is the top of the ellipse), from → to in the direction written.
    /// </summary>
    private static string GlyphSource(char c) => c switch
    {
        '2' => "a2,1.7,1.9,1.7,165,-35 0,6 4.1,6",
        '3' => "a2,1.55,1.8,1.55,155,-90 | a2,4.4,2,1.6,90,-155",
        '4' => "3,6 3,0 0,4.2 4.1,4.2",
        '5' => "3.9,0 0.6,0 0.3,2.9 a2,4.2,2,1.8,135,-150",
        '6' => "a4.1,4.2,4.1,4.2,100,180 a2,4.2,2,1.8,180,540",
        '7' => "0,0 4,0 1.4,6",
        '8' => "a2,1.45,1.65,1.45,0,360 | a2,4.4,2,1.6,0,360",
        '9' => "a2,1.8,2,1.8,0,360 a-0.1,1.8,4.1,4.2,0,-80",
        'A' => "0,6 2,0 4,6 | 0.75,3.9 3.25,3.9",
        'C' => "a2.3,3,2.3,3,50,310",
        'D' => "0,0 0,6 1.4,6 a1.4,3,2.6,3,-90,90 0,0",
        'E' => "4,0 0,0 0,6 4,6 | 0,2.9 3,2.9",
        'F' => "4,0 0,0 0,6 | 0,2.9 3,2.9",
        'H' => "0,0 0,6 | 4,0 4,6 | 0,3 4,3",
        'J' => "1,0 4,0 | 3,0 3,4.3 a1.5,4.3,1.5,1.7,0,-170",
        'K' => "0,0 0,6 | 4,0 0,4 | 1.4,2.6 4,6",
        'L' => "0,0 0,6 3.8,6",
        'M' => "0,6 0,0 2,3.8 4,0 4,6",
        'N' => "0,6 0,0 4,6 4,0",
        'P' => "0,6 0,0 2.2,0 a2.2,1.65,1.8,1.65,90,-90 0,3.3",
        'R' => "0,6 0,0 2.2,0 a2.2,1.65,1.8,1.65,90,-90 0,3.3 | 1.9,3.3 4,6",
        'T' => "0,0 4,0 | 2,0 2,6",
        'U' => "0,0 0,4 a2,4,2,2,180,360 4,0",
        'V' => "0,0 2,6 4,0",
        'W' => "0,0 1,6 2,2.2 3,6 4,0",
        'X' => "0,0 4,6 | 4,0 0,6",
        'Y' => "0,0 2,3 4,0 | 2,3 2,6",
        _ => throw new ArgumentOutOfRangeException(nameof(c), c, "No glyph for this character."),
    };

    private static double[][] ParseGlyph(string source)
    {
        var polylines = new List<double[]>();
        foreach (var part in source.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var coordinates = new List<double>();
            foreach (var token in part.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (token[0] == 'a')
                {
                    var v = Numbers(token[1..]);
                    var (cx, cy, rx, ry, from, to) = (v[0], v[1], v[2], v[3], v[4], v[5]);
                    var steps = Math.Max(4, (int)Math.Ceiling(Math.Abs(to - from) / 15));
                    for (var s = 0; s <= steps; s++)
                    {
                        var a = (from + ((to - from) * s / steps)) * Math.PI / 180;
                        coordinates.Add(cx + (rx * Math.Cos(a)));
                        coordinates.Add(cy - (ry * Math.Sin(a)));
                    }
                }
                else
                {
                    coordinates.AddRange(Numbers(token));
                }
            }

            polylines.Add([.. coordinates]);
        }

        return [.. polylines];
    }

    private static double[] Numbers(string csv) =>
        Array.ConvertAll(csv.Split(','), s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture));

    /// <summary>Random numbers drawn from the operating system CSPRNG, buffered to keep rendering fast.</summary>
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

    /// <summary>A gentle two-axis sine displacement applied to text strokes.</summary>
    private sealed class Warp(Entropy random)
    {
        private readonly double _amplitudeX = random.Range(1.2, 2.4);
        private readonly double _frequencyX = 2 * Math.PI / random.Range(30, 55);
        private readonly double _phaseX = random.Range(0, 2 * Math.PI);
        private readonly double _amplitudeY = random.Range(2.0, 3.6);
        private readonly double _frequencyY = 2 * Math.PI / random.Range(70, 120);
        private readonly double _phaseY = random.Range(0, 2 * Math.PI);

        public (double X, double Y) Apply(double x, double y) =>
            (x + (_amplitudeX * Math.Sin((y * _frequencyX) + _phaseX)),
             y + (_amplitudeY * Math.Sin((x * _frequencyY) + _phaseY)));
    }

    /// <summary>An RGB pixel buffer plus a coverage mask: shapes are stamped into the mask, then filled in one colour.</summary>
    private sealed class Canvas
    {
        private readonly float[] _mask = new float[Width * Height];
        private int _minX = Width;
        private int _minY = Height;
        private int _maxX = -1;
        private int _maxY = -1;

        public byte[] Pixels { get; } = new byte[Width * Height * 3];

        /// <summary>Adds a round-capped segment of the given half-width, anti-aliased over one pixel, to the mask.</summary>
        public void Segment(double x0, double y0, double x1, double y1, double radius)
        {
            var reach = radius + 1;
            var left = Math.Max(0, (int)Math.Floor(Math.Min(x0, x1) - reach));
            var right = Math.Min(Width - 1, (int)Math.Ceiling(Math.Max(x0, x1) + reach));
            var top = Math.Max(0, (int)Math.Floor(Math.Min(y0, y1) - reach));
            var bottom = Math.Min(Height - 1, (int)Math.Ceiling(Math.Max(y0, y1) + reach));
            if (left > right || top > bottom)
            {
                return;
            }

            var dx = x1 - x0;
            var dy = y1 - y0;
            var lengthSquared = (dx * dx) + (dy * dy);
            for (var y = top; y <= bottom; y++)
            {
                var py = y + 0.5 - y0;
                for (var x = left; x <= right; x++)
                {
                    var px = x + 0.5 - x0;
                    var t = lengthSquared > 0 ? Math.Clamp(((px * dx) + (py * dy)) / lengthSquared, 0, 1) : 0;
                    var ex = px - (t * dx);
                    var ey = py - (t * dy);
                    var coverage = radius + 0.5 - Math.Sqrt((ex * ex) + (ey * ey));
                    if (coverage <= 0)
                    {
                        continue;
                    }

                    var index = (y * Width) + x;
                    var value = (float)Math.Min(1, coverage);
                    if (value > _mask[index])
                    {
                        _mask[index] = value;
                    }
                }
            }

            _minX = Math.Min(_minX, left);
            _maxX = Math.Max(_maxX, right);
            _minY = Math.Min(_minY, top);
            _maxY = Math.Max(_maxY, bottom);
        }

        /// <summary>Paints everything stamped since the last fill in one colour, then clears the mask.</summary>
        public void Fill(byte r, byte g, byte b, double opacity)
        {
            for (var y = _minY; y <= _maxY; y++)
            {
                for (var x = _minX; x <= _maxX; x++)
                {
                    var index = (y * Width) + x;
                    var alpha = _mask[index] * opacity;
                    if (alpha <= 0)
                    {
                        continue;
                    }

                    _mask[index] = 0;
                    var p = index * 3;
                    Pixels[p] = Blend(Pixels[p], r, alpha);
                    Pixels[p + 1] = Blend(Pixels[p + 1], g, alpha);
                    Pixels[p + 2] = Blend(Pixels[p + 2], b, alpha);
                }
            }

            (_minX, _minY, _maxX, _maxY) = (Width, Height, -1, -1);
        }

        private static byte Blend(byte under, byte over, double alpha) =>
            (byte)Math.Round(under + ((over - under) * alpha));
    }
}
