namespace FedSec.Data;

/// <summary>A data set loaded in memory: its training split (to be partitioned), its whole test split, and its description.</summary>
/// <param name="Train">The training images, partitioned among the clients.</param>
/// <param name="Test">The test images, kept whole and clean for the global evaluation.</param>
/// <param name="Info">Shape, classes and normalization.</param>
public sealed record DatasetSplit(ImageSet Train, ImageSet Test, DatasetInfo Info);
