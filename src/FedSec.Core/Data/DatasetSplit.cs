namespace FedSec.Data;

/// <summary>A data set loaded in memory: its training split (to be partitioned), its whole test split, and its description.</summary>
/// <param name="Train">The training images, partitioned among the clients.</param>
/// <param name="Test">The test images, kept whole and clean for the global evaluation.</param>
/// <param name="Info">Shape, classes and normalization.</param>
public sealed record DatasetSplit(ImageSet Train, ImageSet Test, DatasetInfo Info)
{
    /// <summary>
    /// The clients the training set comes with (FEMNIST's writers), which the experiment's clients are; null when the
    /// data set has none and is split by <c>partition_method</c>.
    /// </summary>
    public NaturalClients? TrainClients { get; init; }
}
