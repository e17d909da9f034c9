namespace FedSec.Results.Grid;

/// <summary>A <c>--only</c> filter that is malformed or names an axis or value no run has; the message says what there is.</summary>
public sealed class AxisFilterException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public AxisFilterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with no message.</summary>
    public AxisFilterException()
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public AxisFilterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
