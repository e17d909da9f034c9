namespace FedSec.Network.Transport;

/// <summary>A model stream that does not match what it announced or what the layout allows; the message completes "The update ...".</summary>
internal sealed class ModelStreamException : Exception
{
    public ModelStreamException(string message)
        : base(message)
    {
    }

    public ModelStreamException()
    {
    }

    public ModelStreamException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
