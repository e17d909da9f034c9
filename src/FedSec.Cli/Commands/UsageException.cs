namespace FedSec.Cli.Commands;

/// <summary>A command line that cannot be understood; the message says what is allowed.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
