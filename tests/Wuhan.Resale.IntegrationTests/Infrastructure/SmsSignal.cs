using Microsoft.Extensions.DependencyInjection;
using Wuhan.Resale.Domain.ValueObjects;
using Wuhan.Resale.Web.Integrations;
using Wuhan.Resale.Web.Integrations.Embedded;

namespace Wuhan.Resale.IntegrationTests.Infrastructure;

/// <summary>
/// Lets a test wait for a text message instead of polling the inbox: the embedded SMS gateway, wrapped so that every
/// text it has stored completes the waits whose condition it meets. Register it with <see cref="AddTo"/> from a
/// factory's ConfigureServices.
/// </summary>
public sealed class SmsSignal
{
    private readonly object _lock = new();
    private readonly List<(Func<string, bool> Matches, TaskCompletionSource<string> Sent)> _waits = [];
    private readonly List<string> _sent = [];

    public void AddTo(IServiceCollection services) =>
        services.AddScoped<ISmsGateway>(sp => new Signalling(this, ActivatorUtilities.CreateInstance<EmbeddedSmsGateway>(sp)));

    /// <summary>
    /// The first text (already sent or still to come) that meets the condition; fails after <see cref="ArrivalGate.Timeout"/>
    /// (a safety net against a test that would hang, not a timing assertion).
    /// </summary>
    public Task<string> WaitForAsync(Func<string, bool> matches)
    {
        lock (_lock)
        {
            var already = _sent.FirstOrDefault(matches);
            if (already is not null)
            {
                return Task.FromResult(already);
            }

            var sent = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waits.Add((matches, sent));
            return sent.Task.WaitAsync(ArrivalGate.Timeout);
        }
    }

    private void Stored(string text)
    {
        lock (_lock)
        {
            _sent.Add(text);
            foreach (var wait in _waits.Where(w => w.Matches(text)).ToList())
            {
                _waits.Remove(wait);
                wait.Sent.SetResult(text);
            }
        }
    }

    private sealed class Signalling(SmsSignal signal, ISmsGateway inner) : ISmsGateway
    {
        public async Task SendAsync(PhoneNumber recipient, string text, string purpose, CancellationToken cancellationToken)
        {
            await inner.SendAsync(recipient, text, purpose, cancellationToken);
            signal.Stored(text);
        }
    }
}
