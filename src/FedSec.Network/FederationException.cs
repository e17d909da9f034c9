namespace FedSec.Network;

/// <summary>A distributed run cannot go on (clients never joined, a round fell short, the server is unreachable): one sentence that says what to do.</summary>
public sealed class FederationException : Exception
{
    public FederationException(string message)
        : base(message)
    {
    }

    public FederationException()
    {
    }

    public FederationException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
