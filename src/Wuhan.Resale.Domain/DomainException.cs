namespace Wuhan.Resale.Domain;

/// <summary>
/// A business rule refused an operation. <see cref="Exception.Message"/> is shown to the person as it is,
/// so it is always plain Simplified Chinese and never contains personal data.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string message) : base(message) { }

    public DomainException() : base("操作未能完成。") { }

    public DomainException(string message, Exception innerException) : base(message, innerException) { }
}
