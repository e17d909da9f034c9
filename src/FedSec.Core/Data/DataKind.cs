namespace FedSec.Data;

/// <summary>What a client's data set holds; components that work on one kind only check it when a configuration is bound.</summary>
public enum DataKind
{
    /// <summary>Labelled images (<see cref="ImageSet"/>): MNIST, CIFAR, FEMNIST.</summary>
    Images,

    /// <summary>Token sequences of a text corpus (<see cref="Text.TokenSequenceSet"/>): Brown, SOTU.</summary>
    TokenSequences,
}
