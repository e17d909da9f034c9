namespace FedSec.Reporting.Report;

/// <summary>A <c>--only</c> filter that is malformed or names an axis or value no run has; the message says what there is.</summary>
public sealed class RunFilterException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public RunFilterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public RunFilterException()
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public RunFilterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
