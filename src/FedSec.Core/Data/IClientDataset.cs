namespace FedSec.Data;

/// <summary>
/// A client's (or the test) data set as the engine passes it around: images (<see cref="ImageSet"/>) or token sequences
/// (<see cref="Text.TokenSequenceSet"/>). The engine only counts samples (FedAvg's weights) and hands the set to the
/// model backend, which knows its own kind.
/// </summary>
public interface IClientDataset
{
    /// <summary>Number of samples (images, or token sequences).</summary>
    int Count { get; }

    /// <summary>What the set holds.</summary>
    DataKind Kind { get; }
}
