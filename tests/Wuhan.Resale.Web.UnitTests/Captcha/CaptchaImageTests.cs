using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Wuhan.Resale.Web.Infrastructure.Captcha;

namespace Wuhan.Resale.Web.UnitTests.Captcha;

/// <summary>
/// The captcha is drawn by SkiaSharp; these tests read its PNG with their own small decoder (zlib plus the five PNG
/// row filters), so they check what a browser would get rather than what Skia believes it wrote.
/// </summary>
public sealed class CaptchaImageTests
{
    // The CaptchaChallenge.Image column holds at most this many bytes.
    private const int ImageColumnLimit = 64 * 1024;

    // Luma below this is ink: text and curves are drawn at luma 90 or darker, the background stays near 190 or above.
    private const int InkLuma = 128;

    private static readonly byte[] PngSignature = [137, 80, 78, 71, 13, 10, 26, 10];

    [Fact]
    public void RenderPng_StartsWithThePngSignature_AndDeclares160x56EightBitColour()
    {
        var png = CaptchaImage.RenderPng("A7K3M");

        Assert.Equal(PngSignature, png[..8]);
        var chunks = ReadChunks(png);
        Assert.Equal("IHDR", chunks[0].Type);
        var header = chunks[0].Data;
        Assert.Equal(13, header.Length);
        Assert.Equal(160, CaptchaImage.Width);
        Assert.Equal(56, CaptchaImage.Height);
        Assert.Equal(CaptchaImage.Width, (int)BinaryPrimitives.ReadUInt32BigEndian(header));
        Assert.Equal(CaptchaImage.Height, (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4)));
        Assert.Equal(8, header[8]);                  // bit depth
        Assert.Contains(header[9], (byte[])[2, 6]);  // colour type: RGB or RGBA
        Assert.Equal(0, header[12]);                 // not interlaced
    }

    [Fact]
    public void RenderPng_ProducesAValidPng_WithCorrectChunkChecksums_ThatDecodesToTheDeclaredSize()
    {
        var png = CaptchaImage.RenderPng("23456789");

        var chunks = ReadChunks(png);
        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal("IEND", chunks[^1].Type);
        Assert.Empty(chunks[^1].Data);
        Assert.Contains(chunks, c => c.Type == "IDAT");
        foreach (var chunk in chunks)
        {
            Assert.Equal(Crc32(Encoding.ASCII.GetBytes(chunk.Type).Concat(chunk.Data).ToArray()), chunk.Crc);
        }

        var image = Decode(png);
        Assert.Equal(CaptchaImage.Width * CaptchaImage.Height, image.Length);
    }

    [Theory]
    [InlineData("A7K3M")]
    [InlineData("23456")]
    [InlineData("HNMHN")]
    [InlineData("J7TLY")]
    public void RenderPng_PutsTextInkInEveryFifthOfTheWidth(string text)
    {
        // Solid ink is a dark pixel whose eight neighbours are dark too: glyph stems (about four pixels wide) leave
        // plenty, the noise curves (under two pixels) and speckles almost none. Measured over 20,000 renders each: with
        // text no fifth ever held fewer than 10 such pixels; with the text left out, no render had 10 in every fifth.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var perFifth = SolidInkPerFifth(Decode(CaptchaImage.RenderPng(text)));

            Assert.True(perFifth.All(count => count >= 10), $"each fifth of the image should hold text, got [{string.Join(", ", perFifth)}]");
        }
    }

    [Theory]
    [InlineData("A7K")]
    [InlineData("2C4D6")]
    [InlineData("EFHJKLMN")]
    public void RenderPng_DrawsDarkInkOnALightBackground_WithoutBlackeningTheImage(string text)
    {
        var luma = Decode(CaptchaImage.RenderPng(text));

        var dark = luma.Count(l => l < InkLuma);
        var light = luma.Count(l => l > 180);
        var total = luma.Length;
        Assert.InRange(dark, total * 10 / 100, total * 40 / 100);
        Assert.True(light > total / 2, $"expected a mostly light background, got {light} light pixels of {total}");
    }

    [Fact]
    public void RenderPng_DrawsTheSameTextDifferentlyEachTime()
    {
        var first = CaptchaImage.RenderPng("HJKLN");
        var second = CaptchaImage.RenderPng("HJKLN");

        Assert.NotEqual(first, second);

        // Not just other noise: the characters themselves move, turn and change size, so the solid ink of two renders
        // lies in largely different places.
        var inkOfFirst = SolidInk(Decode(first));
        var inkOfSecond = SolidInk(Decode(second));
        var either = inkOfFirst.Zip(inkOfSecond).Count(p => p.First || p.Second);
        var both = inkOfFirst.Zip(inkOfSecond).Count(p => p.First && p.Second);
        // Measured: at most 30 % coincide between fresh renders, at least 75 % when only the noise is redrawn.
        Assert.True(both < either / 2, $"the text should be laid out anew: {both} of {either} solid-ink pixels coincide");
    }

    [Fact]
    public void RenderPng_StaysWellUnderTheImageColumnLimit()
    {
        for (var length = CaptchaImage.MinLength; length <= CaptchaImage.MaxLength; length++)
        {
            for (var i = 0; i < 10; i++)
            {
                var png = CaptchaImage.RenderPng(CaptchaImage.NewAnswer(length));

                Assert.True(png.Length < ImageColumnLimit / 2, $"a {length}-character captcha took {png.Length} bytes");
            }
        }
    }

    [Fact]
    public async Task RenderPng_CanBeCalledConcurrently()
    {
        var renders = Enumerable.Range(0, 64)
            .Select(_ => Task.Run(() => CaptchaImage.RenderPng(CaptchaImage.NewAnswer())))
            .ToList();

        foreach (var png in await Task.WhenAll(renders))
        {
            Assert.True(SolidInk(Decode(png)).Count(ink => ink) > 200, "every concurrent render should hold its text");
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void NewAnswer_ReturnsTheRequestedLength_FromTheAlphabetOnly(int length)
    {
        var answer = CaptchaImage.NewAnswer(length);

        Assert.Equal(length, answer.Length);
        Assert.All(answer, c => Assert.Contains(c, CaptchaImage.Alphabet));
    }

    [Fact]
    public void NewAnswer_DefaultsToFiveCharacters_AndVaries()
    {
        var answers = Enumerable.Range(0, 50).Select(_ => CaptchaImage.NewAnswer()).ToList();

        Assert.All(answers, a => Assert.Equal(5, a.Length));
        Assert.True(answers.Distinct().Count() > 45, "answers should almost never repeat");
        Assert.True(string.Concat(answers).Distinct().Count() > 15, "answers should use much of the alphabet");
    }

    [Fact]
    public void Alphabet_LeavesOutLookAlikeCharacters()
    {
        Assert.Equal(CaptchaImage.Alphabet.Length, CaptchaImage.Alphabet.Distinct().Count());
        Assert.All("01OIQBSGZ", c => Assert.DoesNotContain(c, CaptchaImage.Alphabet));
    }

    [Fact]
    public void RenderPng_DrawsEveryAlphabetCharacter()
    {
        // Measured: three copies of any character leave at least 300 solid-ink pixels; curves and speckles alone at most 230.
        foreach (var c in CaptchaImage.Alphabet)
        {
            var solid = SolidInk(Decode(CaptchaImage.RenderPng(new string(c, 3)))).Count(ink => ink);

            Assert.True(solid >= 150, $"'{c}' left only {solid} solid-ink pixels");
        }
    }

    [Theory]
    [InlineData("AB")]        // too short
    [InlineData("234567892")] // too long
    [InlineData("A0K3M")]     // zero is not in the alphabet
    [InlineData("aK3M7")]     // lower case
    [InlineData("AK 3M")]     // space
    [InlineData("武汉AK3")]    // non-ASCII
    [InlineData("")]
    public void RenderPng_RejectsTextOutsideTheAlphabetOrLengthLimits(string text) =>
        Assert.ThrowsAny<ArgumentException>(() => CaptchaImage.RenderPng(text));

    [Fact]
    public void RenderPng_RejectsNull() =>
        Assert.ThrowsAny<ArgumentException>(() => CaptchaImage.RenderPng(null!));

    [Theory]
    [InlineData(2)]
    [InlineData(9)]
    public void NewAnswer_RejectsLengthsOutsideThreeToEight(int length) =>
        Assert.ThrowsAny<ArgumentException>(() => CaptchaImage.NewAnswer(length));

    private sealed record Chunk(string Type, byte[] Data, uint Crc);

    internal static int[] SolidInkPerFifth(byte[] luma)
    {
        var ink = SolidInk(luma);
        var counts = new int[5];
        for (var i = 0; i < ink.Length; i++)
        {
            if (ink[i])
            {
                counts[(i % CaptchaImage.Width) * 5 / CaptchaImage.Width]++;
            }
        }

        return counts;
    }

    internal static bool[] SolidInk(byte[] luma)
    {
        const int w = CaptchaImage.Width;
        var ink = new bool[luma.Length];
        for (var y = 1; y < CaptchaImage.Height - 1; y++)
        {
            for (var x = 1; x < w - 1; x++)
            {
                var solid = true;
                for (var dy = -1; dy <= 1 && solid; dy++)
                {
                    for (var dx = -1; dx <= 1 && solid; dx++)
                    {
                        solid = luma[((y + dy) * w) + x + dx] < InkLuma;
                    }
                }

                ink[(y * w) + x] = solid;
            }
        }

        return ink;
    }

    /// <summary>Decodes an 8-bit, non-interlaced RGB or RGBA PNG into one luma byte per pixel, row by row.</summary>
    internal static byte[] Decode(byte[] png)
    {
        var chunks = ReadChunks(png);
        var header = chunks[0].Data;
        var width = (int)BinaryPrimitives.ReadUInt32BigEndian(header);
        var height = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
        Assert.Equal(8, header[8]);
        Assert.Equal(0, header[12]);
        var channels = header[9] switch
        {
            2 => 3,
            6 => 4,
            _ => throw new InvalidDataException($"Unexpected PNG colour type {header[9]}."),
        };

        var stride = width * channels;
        var raw = Inflate(chunks.Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray());
        Assert.Equal(height * (stride + 1), raw.Length);

        var luma = new byte[width * height];
        var previous = new byte[stride];
        var current = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var row = raw.AsSpan((y * (stride + 1)) + 1, stride);
            var filter = raw[y * (stride + 1)];
            for (var i = 0; i < stride; i++)
            {
                int left = i >= channels ? current[i - channels] : 0;
                int up = previous[i];
                int upLeft = i >= channels ? previous[i - channels] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown PNG row filter {filter}."),
                };
                current[i] = (byte)(row[i] + predictor);
            }

            for (var x = 0; x < width; x++)
            {
                var p = x * channels;
                luma[(y * width) + x] = (byte)(((299 * current[p]) + (587 * current[p + 1]) + (114 * current[p + 2])) / 1000);
            }

            (previous, current) = (current, previous);
        }

        return luma;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static List<Chunk> ReadChunks(byte[] png)
    {
        Assert.Equal(PngSignature, png[..8]);
        var chunks = new List<Chunk>();
        var offset = PngSignature.Length;
        while (offset < png.Length)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            chunks.Add(new Chunk(type, data, crc));
            offset += 12 + length;
        }

        Assert.Equal(png.Length, offset);
        return chunks;
    }

    private static byte[] Inflate(byte[] zlibData)
    {
        using var input = new MemoryStream(zlibData);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        zlib.CopyTo(output);
        return output.ToArray();
    }

    // Independent bitwise CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320), deliberately not table-driven.
    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
