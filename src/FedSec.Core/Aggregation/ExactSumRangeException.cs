namespace FedSec.Aggregation;

/// <summary>An update <see cref="ExactWeightedSum"/> cannot add exactly: a value or weight outside its range, named with its client.</summary>
public sealed class ExactSumRangeException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="client">The client whose update it is.</param>
    /// <param name="message">What is out of range, and the range.</param>
    public ExactSumRangeException(int client, string message)
        : base(message)
    {
        Client = client;
    }

    /// <summary>The client whose update it is.</summary>
    public int Client { get; }
}
