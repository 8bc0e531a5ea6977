using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Wuhan.Resale.Web.Features.Captcha;

namespace Wuhan.Resale.IntegrationTests.Captcha;

public sealed class CaptchaImageTests
{
    private static readonly byte[] PngSignature = [137, 80, 78, 71, 13, 10, 26, 10];

    [Fact]
    public void RenderPng_StartsWithThePngSignature_AndDeclares160x56EightBitRgb()
    {
        var png = CaptchaImage.RenderPng("A7K3M");

        Assert.Equal(PngSignature, png[..8]);
        var chunks = ReadChunks(png);
        var header = Assert.Single(chunks, c => c.Type == "IHDR");
        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal(13, header.Data.Length);
        Assert.Equal(160, CaptchaImage.Width);
        Assert.Equal(56, CaptchaImage.Height);
        Assert.Equal(CaptchaImage.Width, (int)BinaryPrimitives.ReadUInt32BigEndian(header.Data));
        Assert.Equal(CaptchaImage.Height, (int)BinaryPrimitives.ReadUInt32BigEndian(header.Data.AsSpan(4)));
        Assert.Equal(8, header.Data[8]);  // bit depth
        Assert.Equal(2, header.Data[9]);  // colour type: RGB
        Assert.Equal(0, header.Data[12]); // not interlaced
    }

    [Fact]
    public void RenderPng_ProducesAValidPng_WithCorrectChunkChecksums()
    {
        var png = CaptchaImage.RenderPng("23456789");

        var chunks = ReadChunks(png);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        Assert.Empty(chunks[^1].Data);
        foreach (var chunk in chunks)
        {
            Assert.Equal(Crc32(Encoding.ASCII.GetBytes(chunk.Type).Concat(chunk.Data).ToArray()), chunk.Crc);
        }
    }

    [Fact]
    public void RenderPng_IdatInflatesToOneFilterBytePlusRgbRowPerScanline()
    {
        var raw = Inflate(CaptchaImage.RenderPng("XYW"));

        Assert.Equal(CaptchaImage.Height * (1 + (CaptchaImage.Width * 3)), raw.Length);
        for (var y = 0; y < CaptchaImage.Height; y++)
        {
            Assert.Equal(0, raw[y * (1 + (CaptchaImage.Width * 3))]);
        }
    }

    [Fact]
    public void RenderPng_DrawsDifferentImagesForTheSameText()
    {
        var first = CaptchaImage.RenderPng("HJKLN");
        var second = CaptchaImage.RenderPng("HJKLN");

        Assert.NotEqual(first, second);
        Assert.NotEqual(Inflate(first), Inflate(second));
    }

    [Theory]
    [InlineData("A7K")]
    [InlineData("2C4D6")]
    [InlineData("EFHJKLMN")]
    public void RenderPng_DrawsVisibleDarkStrokes_WithoutBlackeningTheImage(string text)
    {
        var raw = Inflate(CaptchaImage.RenderPng(text));

        var dark = 0;
        var light = 0;
        for (var y = 0; y < CaptchaImage.Height; y++)
        {
            var row = (y * (1 + (CaptchaImage.Width * 3))) + 1;
            for (var x = 0; x < CaptchaImage.Width; x++)
            {
                var p = row + (x * 3);
                var luminance = ((299 * raw[p]) + (587 * raw[p + 1]) + (114 * raw[p + 2])) / 1000;
                if (luminance < 110)
                {
                    dark++;
                }
                else if (luminance > 200)
                {
                    light++;
                }
            }
        }

        var total = CaptchaImage.Width * CaptchaImage.Height;
        Assert.InRange(dark, total * 3 / 100, total * 35 / 100);
        Assert.True(light > total / 2, $"expected a mostly light background, got {light} light pixels of {total}");
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
        for (var i = 0; i < CaptchaImage.Alphabet.Length; i += 8)
        {
            var text = CaptchaImage.Alphabet.Substring(i, Math.Min(8, CaptchaImage.Alphabet.Length - i)).PadRight(3, '2');
            Assert.NotEmpty(CaptchaImage.RenderPng(text));
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

    private static List<Chunk> ReadChunks(byte[] png)
    {
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

    private static byte[] Inflate(byte[] png)
    {
        var idat = ReadChunks(png).Where(c => c.Type == "IDAT").SelectMany(c => c.Data).ToArray();
        using var input = new MemoryStream(idat);
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
