namespace FedSec.Simulation;

/// <summary>An update that is wrongly shaped or not finite; the round stops before any defense sees it.</summary>
public sealed class InvalidUpdateException : Exception
{
    /// <summary>Creates the exception with a message naming the client and the fault.</summary>
    public InvalidUpdateException(string message)
        : base(message)
    {
    }
}
