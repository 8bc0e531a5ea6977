using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Wuhan.Resale.Testing;

/// <summary>
/// Reads a PDF back as a person's reader would, with poppler's command-line tools (pdftotext, pdffonts, pdfsig); a
/// missing tool fails the test with the package to install. Written once for every test project (linked from
/// tests/Shared, see their .csproj).
/// </summary>
internal static partial class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        var text = Run("pdftotext", "-enc UTF-8 -layout {0} -", pdf);
        var pages = text.Split('\f').ToList();
        if (pages.Count > 0 && string.IsNullOrWhiteSpace(pages[^1]))
        {
            pages.RemoveAt(pages.Count - 1);
        }

        return pages;
    }

    /// <summary>The body of the contract in one string without white space: the running header and footer and the lines of the 草稿 / 已撤销 watermark left out.</summary>
    public static string BodyText(byte[] pdf)
    {
        var lines = Pages(pdf)
            .SelectMany(page => page.Split('\n'))
            .Where(line => !RunningLine().IsMatch(line.Trim()));
        return Flatten(string.Join("\n", lines));
    }

    /// <summary>The text without any white space: pdftotext breaks lines and pads columns where the layout does.</summary>
    public static string Flatten(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);

    public static IReadOnlyList<(string Name, bool Embedded, bool Subset)> Fonts(byte[] pdf)
    {
        var lines = Run("pdffonts", "{0}", pdf).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2);
        return
        [
            .. lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Select(t => (t[0], t[^5] == "yes", t[^4] == "yes")),
        ];
    }

    /// <summary>pdfsig's report of every signature in the file (it exits non-zero for some verdicts, so any exit code is read).</summary>
    public static string Signatures(byte[] pdf) => Run("pdfsig", "{0}", pdf, requireSuccess: false);

    private static string Run(string tool, string arguments, byte[] pdf, bool requireSuccess = true)
    {
        var file = Path.Combine(Path.GetTempPath(), $"contract-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool, string.Format(System.Globalization.CultureInfo.InvariantCulture, arguments, file))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException(
                    $"{tool} is not installed: the PDF tests read the PDF back with poppler. Install it with `apt-get install -y poppler-utils`.", e);
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEnd();
                process.WaitForExit();
                Assert.True(!requireSuccess || process.ExitCode == 0, $"{tool} failed: {error}");
                return requireSuccess ? output.Result : output.Result + error;
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// The page header (title, optional banner, number on one line), the footer, and a character of the 草稿 / 已撤销
    /// watermark, which pdftotext reads as a line of its own wherever it crosses the text.
    /// </summary>
    [GeneratedRegex(@"^(武汉市存量房买卖合同\s+.*合同编号：.*|第 \d+ 页 共 \d+ 页|[草稿已撤销])$")]
    private static partial Regex RunningLine();
}
