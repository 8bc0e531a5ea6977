namespace Wuhan.Resale.Web.Features.Shared;

/// <summary>The error page every feature falls back to (Shared/Error.cshtml).</summary>
public sealed record ErrorViewModel(string Title, string Message, string? TraceId);
