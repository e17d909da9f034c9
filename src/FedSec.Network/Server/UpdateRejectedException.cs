namespace FedSec.Network.Server;

/// <summary>An update the server refuses before any defense sees it; the message is the logged sentence.</summary>
internal sealed class UpdateRejectedException : Exception
{
    public UpdateRejectedException(string message)
        : base(message)
    {
    }

    public UpdateRejectedException()
    {
    }

    public UpdateRejectedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
