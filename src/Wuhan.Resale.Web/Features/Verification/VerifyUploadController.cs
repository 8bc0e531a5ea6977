using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Domain.Contracts;
using Wuhan.Resale.Web.Data;
using Wuhan.Resale.Web.Features.Shared;
using Wuhan.Resale.Web.Infrastructure;
using Wuhan.Resale.Web.Pdf;
using Wuhan.Resale.Web.Pdf.Signing;

namespace Wuhan.Resale.Web.Features.Verification;

/// <summary>
/// 合同验真 by file: anyone handed a contract PDF (a bank, a tax office, the other party) uploads it and learns whether it
/// is exactly a file the portal signed, and if so the contract's current state. The upload is read in memory, checked
/// and dropped: nothing of it is stored or logged.
/// </summary>
[EnableRateLimiting(RateLimits.AnonymousPages)]
public sealed class VerifyUploadController(
    ResaleDbContext db, ContractSignatureVerifier verifier, ContractPdfs pdfs, IAntiforgery antiforgery,
    IOptions<ContractSigningOptions> options, IConfiguration configuration) : Controller
{
    /// <summary>Whatever the configured limit, the server never reads a request body larger than this.</summary>
    private const int HardLimitBytes = 32 * 1024 * 1024;

    private const string FileField = "File";

    [HttpGet("/verify")]
    public IActionResult Index() => View("Upload", new VerifyUploadViewModel(MaxMegabytes()));

    [HttpPost("/verify")]
    [EnableRateLimiting(PdfSetup.VerifyUploads)]

    // The token is checked below, after the size: an oversized upload then gets a message rather than a bare 400.
    [IgnoreAntiforgeryToken]
    [RequestSizeLimit(HardLimitBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = HardLimitBytes)]
    public async Task<IActionResult> Upload(CancellationToken cancellationToken)
    {
        if (Request.ContentLength > HardLimitBytes)
        {
            return Refused(TooLarge(), StatusCodes.Status413PayloadTooLarge);
        }

        IFormFile? file;
        try
        {
            var form = await Request.ReadFormAsync(cancellationToken);
            await antiforgery.ValidateRequestAsync(HttpContext);
            file = form.Files.GetFile(FileField);
        }
        catch (AntiforgeryValidationException)
        {
            return Refused("页面已过期，请刷新本页后重新选择文件上传。", StatusCodes.Status400BadRequest);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Refused(TooLarge(), StatusCodes.Status413PayloadTooLarge);
        }

        if (file is null || file.Length == 0)
        {
            return Refused("请选择要核验的合同PDF文件。", StatusCodes.Status400BadRequest);
        }

        if (file.Length > options.Value.MaxUploadBytes)
        {
            return Refused(TooLarge(), StatusCodes.Status413PayloadTooLarge);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        var check = verifier.Check(bytes);
        if (check.Verdict == SignatureVerdict.NotPdf)
        {
            return Refused("只能核验PDF格式的合同文件（扩展名为 .pdf），所选文件不是PDF文件。", StatusCodes.Status415UnsupportedMediaType);
        }

        return View("Upload", await AnswerAsync(check, cancellationToken));
    }

    private async Task<VerifyUploadViewModel> AnswerAsync(SignatureCheck check, CancellationToken cancellationToken)
    {
        var model = new VerifyUploadViewModel(MaxMegabytes()) { Verdict = check.Verdict };
        if (check.Verdict != SignatureVerdict.Genuine || check.ContractNumber is null)
        {
            return model;
        }

        var contract = await db.Contracts.AsNoTracking()
            .FirstOrDefaultAsync(c => c.ContractNumber == check.ContractNumber && c.Status != ContractStatus.Draft, cancellationToken);
        if (contract is null)
        {
            return model with { ContractNumber = check.ContractNumber };
        }

        var current = await pdfs.DocumentAsync(contract, contract.VerificationUrl(Request, configuration), cancellationToken);
        return model with
        {
            ContractNumber = check.ContractNumber,
            Contract = await ContractFacts.DescribeAsync(db, contract, cancellationToken),
            ContentMatches = string.Equals(ContractFingerprint.Of(current), check.Fingerprint, StringComparison.Ordinal),
            SignedAt = check.SignedAt,
        };
    }

    private ViewResult Refused(string error, int status)
    {
        ModelState.AddModelError(FileField, error);
        Response.StatusCode = status;
        return View("Upload", new VerifyUploadViewModel(MaxMegabytes()));
    }

    private string TooLarge() => $"文件超过 {MaxMegabytes()} MB，不是本平台签发的合同文件。请上传从网签系统下载的原始PDF文件。";

    private string MaxMegabytes() => (options.Value.MaxUploadBytes / (1024.0 * 1024.0)).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
}

/// <param name="MaxMegabytes">The upload limit as the page states it, e.g. "5".</param>
public sealed record VerifyUploadViewModel(string MaxMegabytes)
{
    /// <summary>Null before anything was uploaded (or when the upload was refused).</summary>
    public SignatureVerdict? Verdict { get; init; }

    public string? ContractNumber { get; init; }

    /// <summary>The contract as the database holds it now; null when the number is unknown here.</summary>
    public VerificationViewModel? Contract { get; init; }

    /// <summary>Whether the file says what the filed contract says today.</summary>
    public bool ContentMatches { get; init; }

    public DateTimeOffset? SignedAt { get; init; }
}
