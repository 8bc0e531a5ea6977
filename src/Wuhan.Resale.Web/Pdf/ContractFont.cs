using System.Buffers.Binary;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>
/// The one font every contract is printed in (Noto Sans SC Regular, OFL-1.1), read once per process. Besides the raw
/// bytes PDFsharp embeds, it exposes the font's own character map and advance widths: the layout measures text with
/// these (no shared <c>XGraphics</c>, so concurrent renders never share a measuring context), and the glyph check
/// refuses characters that would print as boxes.
/// </summary>
public sealed class ContractFont
{
    public const string FamilyName = "Noto Sans SC";

    public const string FileName = "NotoSansSC-Regular.ttf";

    private static readonly Lazy<ContractFont> LazyInstance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly ushort[] _bmpGlyphs;
    private readonly Dictionary<int, ushort> _supplementaryGlyphs;
    private readonly ushort[] _advances;
    private readonly double _unitsPerEm;
    private readonly Lazy<byte[]> _pdfSharpBytes;

    private ContractFont(byte[] bytes)
    {
        Bytes = bytes;
        _pdfSharpBytes = new(() => QuickCharacterMap.Rewrite(bytes), LazyThreadSafetyMode.ExecutionAndPublication);
        var tables = ReadTableDirectory(bytes);
        var head = tables["head"];
        var hhea = tables["hhea"];
        _unitsPerEm = ReadUInt16(bytes, head + 18);
        Ascent = ReadInt16(bytes, hhea + 4) / _unitsPerEm;
        Descent = -ReadInt16(bytes, hhea + 6) / _unitsPerEm;
        var numberOfHMetrics = ReadUInt16(bytes, hhea + 34);
        var numGlyphs = ReadUInt16(bytes, tables["maxp"] + 4);
        _advances = ReadAdvances(bytes, tables["hmtx"], numberOfHMetrics, numGlyphs);
        (_bmpGlyphs, _supplementaryGlyphs) = ReadCharacterMap(bytes, tables["cmap"]);
    }

    /// <summary>The font, loaded on first use; thread-safe.</summary>
    public static ContractFont Instance => LazyInstance.Value;

    /// <summary>The TrueType file as it is.</summary>
    public byte[] Bytes { get; }

    /// <summary>
    /// The file PDFsharp reads: the same glyphs and character mapping, with a character map PDFsharp looks characters
    /// up in quickly (<see cref="QuickCharacterMap"/>); made on first use.
    /// </summary>
    public byte[] PdfSharpBytes => _pdfSharpBytes.Value;

    /// <summary>Height above the baseline, in ems.</summary>
    public double Ascent { get; }

    /// <summary>Depth below the baseline, in ems (positive).</summary>
    public double Descent { get; }

    /// <summary>Where the font file is looked for: next to the assembly, else in the source tree (tests before the copy step).</summary>
    public static string LocateFontFile()
    {
        var besideAssembly = Path.Combine(AppContext.BaseDirectory, "Pdf", "Fonts", FileName);
        if (File.Exists(besideAssembly))
        {
            return besideAssembly;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "src", "Wuhan.Resale.Web", "Pdf", "Fonts", FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException(
            $"The contract font {FileName} was found neither in {Path.GetDirectoryName(besideAssembly)} nor in a parent src/Wuhan.Resale.Web/Pdf/Fonts folder.",
            FileName);
    }

    /// <summary>True when the font has a real glyph for the code point (not the .notdef box).</summary>
    public bool HasGlyph(int codePoint) => GlyphOf(codePoint) != 0;

    /// <summary>The advance width of <paramref name="text"/> at <paramref name="size"/> points.</summary>
    public double Measure(ReadOnlySpan<char> text, double size)
    {
        long units = 0;
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            units += _advances[GlyphOf(codePoint)];
        }

        return units * size / _unitsPerEm;
    }

    private ushort GlyphOf(int codePoint)
    {
        if (codePoint < 0x10000)
        {
            return _bmpGlyphs[codePoint];
        }

        return _supplementaryGlyphs.TryGetValue(codePoint, out var glyph) ? glyph : (ushort)0;
    }

    private static ContractFont Load() => new(File.ReadAllBytes(LocateFontFile()));

    private static Dictionary<string, int> ReadTableDirectory(byte[] bytes)
    {
        var count = ReadUInt16(bytes, 4);
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = 12 + (16 * i);
            var tag = System.Text.Encoding.ASCII.GetString(bytes, record, 4);
            tables[tag] = checked((int)ReadUInt32(bytes, record + 8));
        }

        foreach (var required in (string[])["head", "hhea", "hmtx", "maxp", "cmap", "glyf"])
        {
            if (!tables.ContainsKey(required))
            {
                throw new InvalidOperationException($"The contract font has no '{required}' table; a TrueType (glyf) font is required.");
            }
        }

        return tables;
    }

    private static ushort[] ReadAdvances(byte[] bytes, int hmtx, int numberOfHMetrics, int numGlyphs)
    {
        var advances = new ushort[numGlyphs];
        ushort last = 0;
        for (var glyph = 0; glyph < numGlyphs; glyph++)
        {
            if (glyph < numberOfHMetrics)
            {
                last = ReadUInt16(bytes, hmtx + (4 * glyph));
            }

            advances[glyph] = last;
        }

        return advances;
    }

    private static (ushort[] Bmp, Dictionary<int, ushort> Supplementary) ReadCharacterMap(byte[] bytes, int cmap)
    {
        var bmp = new ushort[0x10000];
        var supplementary = new Dictionary<int, ushort>();
        int? format4 = null;
        int? format12 = null;
        var subtableCount = ReadUInt16(bytes, cmap + 2);
        for (var i = 0; i < subtableCount; i++)
        {
            var record = cmap + 4 + (8 * i);
            var platform = ReadUInt16(bytes, record);
            var encoding = ReadUInt16(bytes, record + 2);
            var offset = cmap + checked((int)ReadUInt32(bytes, record + 4));
            var format = ReadUInt16(bytes, offset);
            var unicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10));
            if (unicode && format == 12)
            {
                format12 ??= offset;
            }
            else if (unicode && format == 4)
            {
                format4 ??= offset;
            }
        }

        if (format12 is { } table12)
        {
            ReadFormat12(bytes, table12, bmp, supplementary);
        }
        else if (format4 is { } table4)
        {
            ReadFormat4(bytes, table4, bmp);
        }
        else
        {
            throw new InvalidOperationException("The contract font has no Unicode character map (cmap format 4 or 12).");
        }

        return (bmp, supplementary);
    }

    private static void ReadFormat12(byte[] bytes, int table, ushort[] bmp, Dictionary<int, ushort> supplementary)
    {
        var groups = ReadUInt32(bytes, table + 12);
        for (var g = 0; g < groups; g++)
        {
            var group = table + 16 + (12 * g);
            var start = (int)ReadUInt32(bytes, group);
            var end = (int)ReadUInt32(bytes, group + 4);
            var glyph = (int)ReadUInt32(bytes, group + 8);
            for (var codePoint = start; codePoint <= end; codePoint++, glyph++)
            {
                if (codePoint < 0x10000)
                {
                    bmp[codePoint] = (ushort)glyph;
                }
                else
                {
                    supplementary[codePoint] = (ushort)glyph;
                }
            }
        }
    }

    internal static void ReadFormat4(byte[] bytes, int table, ushort[] bmp)
    {
        var segments = ReadUInt16(bytes, table + 6) / 2;
        var ends = table + 14;
        var starts = ends + (2 * segments) + 2;
        var deltas = starts + (2 * segments);
        var rangeOffsets = deltas + (2 * segments);
        for (var s = 0; s < segments; s++)
        {
            var end = ReadUInt16(bytes, ends + (2 * s));
            var start = ReadUInt16(bytes, starts + (2 * s));
            var delta = ReadUInt16(bytes, deltas + (2 * s));
            var rangeOffsetAt = rangeOffsets + (2 * s);
            var rangeOffset = ReadUInt16(bytes, rangeOffsetAt);
            for (var codePoint = start; codePoint <= end && codePoint != 0xFFFF; codePoint++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (codePoint + delta) & 0xFFFF;
                }
                else
                {
                    var glyphAt = rangeOffsetAt + rangeOffset + (2 * (codePoint - start));
                    glyph = ReadUInt16(bytes, glyphAt);
                    if (glyph != 0)
                    {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                }

                bmp[codePoint] = (ushort)glyph;
            }
        }
    }

    private static ushort ReadUInt16(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(offset));

    private static short ReadInt16(byte[] bytes, int offset) => BinaryPrimitives.ReadInt16BigEndian(bytes.AsSpan(offset));

    private static uint ReadUInt32(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));
}
