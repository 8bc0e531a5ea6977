using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Wuhan.Resale.Web.Pdf.Signing;

namespace Wuhan.Resale.Web.Pdf;

/// <summary>
/// The signed PDFs of filed contracts, kept in memory so that downloading an unchanged contract again neither renders
/// nor signs it again. Bounded by the bytes it holds (<see cref="ContractSigningOptions.SignedPdfCacheMegabytes"/>):
/// when full, the least recently used files go first. Its own <see cref="MemoryCache"/>, so the limit counts PDFs only
/// and the shared cache of the application needs no sizes. Concurrent first downloads of the same file render and sign
/// it once.
/// </summary>
public sealed class SignedContractPdfCache : IDisposable
{
    private static readonly TimeSpan Sliding = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Absolute = TimeSpan.FromHours(2);

    private readonly MemoryCache _cache;
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]>>> _inFlight = new(StringComparer.Ordinal);

    public SignedContractPdfCache(IOptions<ContractSigningOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var megabytes = Math.Max(1, options.Value.SignedPdfCacheMegabytes);
        _cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = megabytes * 1024L * 1024L,
            CompactionPercentage = 0.25,
        });
    }

    /// <summary>How many files are held now (for tests and diagnostics).</summary>
    public int Count => _cache.Count;

    /// <summary>The file stored under <paramref name="key"/>, else the one <paramref name="render"/> makes (then stored).</summary>
    /// <param name="key">Names the contract and everything its file shows (state, content fingerprint, QR address).</param>
    public async Task<byte[]> GetOrRenderAsync(string key, Func<Task<byte[]>> render)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(render);
        if (_cache.TryGetValue(key, out byte[]? cached) && cached is not null)
        {
            return cached;
        }

        var pending = _inFlight.GetOrAdd(key, _ => new Lazy<Task<byte[]>>(render, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            var signed = await pending.Value;
            _cache.Set(key, signed, new MemoryCacheEntryOptions
            {
                Size = signed.Length,
                SlidingExpiration = Sliding,
                AbsoluteExpirationRelativeToNow = Absolute,
            });
            return signed;
        }
        finally
        {
            _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]>>>(key, pending));
        }
    }

    public void Dispose() => _cache.Dispose();
}
