using System.Buffers.Binary;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>
/// Makes the copy of the contract font that PDFsharp reads, with the same glyphs and the same character-to-glyph
/// mapping, but a Unicode character map (cmap format 4) of a few dozen segments instead of 469.
/// </summary>
/// <remarks>
/// PDFsharp finds a character's glyph by walking the format 4 segments from the first until one ends at or after the
/// character. Noto Sans SC has 186 segments below 一 (U+4E00) and 469 in all, so every Chinese character of every line
/// of every contract cost a few hundred comparisons: a third of the time PDFsharp spent drawing text. Merging segments
/// into ranges looked up through the glyph index array (as many as the format's 64 KB allows) leaves few segments to
/// walk. The embedded subset never carries this table (PDFsharp leaves the cmap out of CID fonts), so the PDF is the
/// same byte for byte; every BMP code point is checked to map to the same glyph as before, else the font is used as
/// it is.
/// </remarks>
internal static class QuickCharacterMap
{
    private const int MaxSubtableLength = 0xFFFF;

    /// <summary>The font with the rewritten character map, or <paramref name="font"/> itself when it cannot be rewritten.</summary>
    public static byte[] Rewrite(byte[] font)
    {
        ArgumentNullException.ThrowIfNull(font);
        try
        {
            return TryRewrite(font) ?? font;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or InvalidOperationException or OverflowException)
        {
            return font;
        }
    }

    private static byte[]? TryRewrite(byte[] font)
    {
        var tableCount = U16(font, 4);
        var cmapRecord = -1;
        for (var i = 0; i < tableCount; i++)
        {
            var record = 12 + (16 * i);
            if (font[record] == 'c' && font[record + 1] == 'm' && font[record + 2] == 'a' && font[record + 3] == 'p')
            {
                cmapRecord = record;
            }
        }

        if (cmapRecord < 0)
        {
            return null;
        }

        var cmap = checked((int)U32(font, cmapRecord + 8));
        int? format4 = null;
        int? format12 = null;
        var subtables = U16(font, cmap + 2);
        for (var i = 0; i < subtables; i++)
        {
            var record = cmap + 4 + (8 * i);
            var platform = U16(font, record);
            var encoding = U16(font, record + 2);
            var offset = cmap + checked((int)U32(font, record + 4));
            var format = U16(font, offset);
            if (platform == 3 && encoding == 1 && format == 4)
            {
                format4 ??= offset;
            }
            else if (platform == 3 && encoding == 10 && format == 12)
            {
                format12 ??= offset;
            }
        }

        if (format4 is not { } original)
        {
            return null;
        }

        var glyphs = new ushort[0x10000];
        ContractFont.ReadFormat4(font, original, glyphs);
        var subtable = Encode(glyphs);
        if (subtable is null || !MapsLikePdfSharp(subtable, glyphs))
        {
            return null;
        }

        byte[] format12Bytes = format12 is { } f12 ? font.AsSpan(f12, checked((int)U32(font, f12 + 4))).ToArray() : [];
        var headerLength = 4 + (8 * (format12 is null ? 1 : 2));
        var table = new byte[headerLength + subtable.Length + format12Bytes.Length];
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(2), (ushort)(format12 is null ? 1 : 2));
        WriteRecord(table, 4, 3, 1, headerLength);
        subtable.CopyTo(table, headerLength);
        if (format12 is not null)
        {
            WriteRecord(table, 12, 3, 10, headerLength + subtable.Length);
            format12Bytes.CopyTo(table, headerLength + subtable.Length);
        }

        // The new table goes at the end of the file (4-byte aligned); only its directory record changes.
        var at = (font.Length + 3) & ~3;
        var result = new byte[at + ((table.Length + 3) & ~3)];
        font.CopyTo(result, 0);
        table.CopyTo(result, at);
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(cmapRecord + 4), Checksum(result.AsSpan(at, (table.Length + 3) & ~3)));
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(cmapRecord + 8), (uint)at);
        BinaryPrimitives.WriteUInt32BigEndian(result.AsSpan(cmapRecord + 12), (uint)table.Length);
        return result;
    }

    /// <summary>A format 4 subtable with as few segments as the 64 KB limit allows, or null when none fits.</summary>
    private static byte[]? Encode(ushort[] glyphs)
    {
        // Start from the runs of consecutive code points with consecutive glyphs (one delta segment each).
        var segments = new List<Segment>();
        for (var c = 0; c < 0xFFFF; c++)
        {
            if (glyphs[c] == 0)
            {
                continue;
            }

            var start = c;
            while (c + 1 < 0xFFFF && glyphs[c + 1] != 0 && glyphs[c + 1] == (ushort)(glyphs[c] + 1))
            {
                c++;
            }

            segments.Add(new Segment(start, c, Array: false));
        }

        // Merge the neighbours that cost the fewest glyph index array entries, while the subtable still fits.
        var arrayEntries = 0;
        while (segments.Count > 1)
        {
            var best = -1;
            var bestCost = int.MaxValue;
            for (var i = 0; i + 1 < segments.Count; i++)
            {
                var cost = (segments[i + 1].End - segments[i].Start + 1) - segments[i].ArrayLength - segments[i + 1].ArrayLength;
                if (cost < bestCost)
                {
                    bestCost = cost;
                    best = i;
                }
            }

            // One segment fewer (and the closing 0xFFFF segment) in the header, bestCost more array entries.
            var length = 16 + (8 * segments.Count) + (2 * (arrayEntries + bestCost));
            if (length > MaxSubtableLength)
            {
                break;
            }

            segments[best] = new Segment(segments[best].Start, segments[best + 1].End, Array: true);
            segments.RemoveAt(best + 1);
            arrayEntries += bestCost;
        }

        segments.Add(new Segment(0xFFFF, 0xFFFF, Array: false));
        var segCount = segments.Count;
        var subtableLength = 16 + (8 * segCount) + (2 * arrayEntries);
        if (subtableLength > MaxSubtableLength)
        {
            return null;
        }

        var bytes = new byte[subtableLength];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span, 4);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)subtableLength);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)(2 * segCount));
        var power = 1;
        var selector = 0;
        while (power * 2 <= segCount)
        {
            power *= 2;
            selector++;
        }

        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)(2 * power));
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)selector);
        BinaryPrimitives.WriteUInt16BigEndian(span[12..], (ushort)((2 * segCount) - (2 * power)));
        var ends = 14;
        var starts = ends + (2 * segCount) + 2;
        var deltas = starts + (2 * segCount);
        var rangeOffsets = deltas + (2 * segCount);
        var array = rangeOffsets + (2 * segCount);
        var next = 0;
        for (var i = 0; i < segCount; i++)
        {
            var segment = segments[i];
            BinaryPrimitives.WriteUInt16BigEndian(span[(ends + (2 * i))..], (ushort)segment.End);
            BinaryPrimitives.WriteUInt16BigEndian(span[(starts + (2 * i))..], (ushort)segment.Start);
            if (segment.Start == 0xFFFF)
            {
                BinaryPrimitives.WriteUInt16BigEndian(span[(deltas + (2 * i))..], 1);
            }
            else if (!segment.Array)
            {
                BinaryPrimitives.WriteUInt16BigEndian(span[(deltas + (2 * i))..], (ushort)(glyphs[segment.Start] - segment.Start));
            }
            else
            {
                var rangeOffsetAt = rangeOffsets + (2 * i);
                BinaryPrimitives.WriteUInt16BigEndian(span[rangeOffsetAt..], (ushort)(array + (2 * next) - rangeOffsetAt));
                for (var c = segment.Start; c <= segment.End; c++, next++)
                {
                    BinaryPrimitives.WriteUInt16BigEndian(span[(array + (2 * next))..], glyphs[c]);
                }
            }
        }

        return bytes;
    }

    /// <summary>Looks every BMP code point up the way PDFsharp 6 does (a linear walk) and compares with the font's own map.</summary>
    private static bool MapsLikePdfSharp(byte[] subtable, ushort[] glyphs)
    {
        var segCount = U16(subtable, 6) / 2;
        var ends = 14;
        var starts = ends + (2 * segCount) + 2;
        var deltas = starts + (2 * segCount);
        var rangeOffsets = deltas + (2 * segCount);
        var array = rangeOffsets + (2 * segCount);
        var glyphCount = (U16(subtable, 2) - (16 + (8 * segCount))) / 2;
        for (var ch = 0; ch < 0xFFFF; ch++)
        {
            var seg = 0;
            while (seg < segCount && ch > U16(subtable, ends + (2 * seg)))
            {
                seg++;
            }

            ushort glyph = 0;
            if (seg < segCount && ch >= U16(subtable, starts + (2 * seg)))
            {
                var delta = U16(subtable, deltas + (2 * seg));
                var rangeOffset = U16(subtable, rangeOffsets + (2 * seg));
                if (rangeOffset == 0)
                {
                    glyph = (ushort)((ch + delta) & 0xFFFF);
                }
                else
                {
                    var index = (rangeOffset / 2) + (ch - U16(subtable, starts + (2 * seg))) - (segCount - seg);
                    if (index < 0 || index >= glyphCount)
                    {
                        return false;
                    }

                    glyph = U16(subtable, array + (2 * index));
                    if (glyph != 0)
                    {
                        glyph = (ushort)((glyph + delta) & 0xFFFF);
                    }
                }
            }

            if (glyph != glyphs[ch])
            {
                return false;
            }
        }

        return true;
    }

    private static void WriteRecord(byte[] table, int at, ushort platform, ushort encoding, int offset)
    {
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(at), platform);
        BinaryPrimitives.WriteUInt16BigEndian(table.AsSpan(at + 2), encoding);
        BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(at + 4), (uint)offset);
    }

    private static uint Checksum(ReadOnlySpan<byte> table)
    {
        uint sum = 0;
        for (var i = 0; i + 3 < table.Length; i += 4)
        {
            sum += BinaryPrimitives.ReadUInt32BigEndian(table[i..]);
        }

        return sum;
    }

    private static ushort U16(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(offset));

    private static uint U32(byte[] bytes, int offset) => BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(offset));

    private readonly record struct Segment(int Start, int End, bool Array)
    {
        public int ArrayLength => Array ? End - Start + 1 : 0;
    }
}
