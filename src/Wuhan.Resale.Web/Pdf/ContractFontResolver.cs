using PdfSharp.Fonts;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>
/// Gives PDFsharp the contract font for every family it asks for; bold is simulated rather than shipping a
/// second 10 MB file. <see cref="GlobalFontSettings.FontResolver"/> is process-wide and may be set only once,
/// while tests start many hosts in one process, hence <see cref="EnsureRegistered"/>.
/// </summary>
public sealed class ContractFontResolver : IFontResolver
{
    private const string FaceName = "NotoSansSC-Regular";

    private static readonly Lock RegistrationLock = new();
    private static bool _registered;

    private ContractFontResolver()
    {
    }

    /// <summary>Installs the resolver once per process; later calls do nothing.</summary>
    public static void EnsureRegistered()
    {
        if (Volatile.Read(ref _registered))
        {
            return;
        }

        lock (RegistrationLock)
        {
            if (_registered)
            {
                return;
            }

            // Load the font now, so a missing file fails here with its path rather than deep inside PDFsharp.
            _ = ContractFont.Instance;
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new ContractFontResolver();
            }
            else if (GlobalFontSettings.FontResolver is not ContractFontResolver)
            {
                throw new InvalidOperationException(
                    "Another PDFsharp font resolver is already installed in this process; the contract PDF needs ContractFontResolver.");
            }

            Volatile.Write(ref _registered, true);
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(FaceName, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[]? GetFont(string faceName) => ContractFont.Instance.PdfSharpBytes;
}
