namespace FedSec.Data;

/// <summary>What a model needs to know about a data set: image shape, classes and the per-channel normalization.</summary>
/// <param name="Name">The catalog name (<c>data_args.dataset</c>), e.g. <c>mnist</c>.</param>
/// <param name="Channels">Channels per image.</param>
/// <param name="Height">Image height in pixels.</param>
/// <param name="Width">Image width in pixels.</param>
/// <param name="ClassCount">Number of classes.</param>
/// <param name="Mean">Per-channel mean of the training pixels in [0, 1], for <c>(x − mean) / std</c>.</param>
/// <param name="Std">Per-channel standard deviation of the training pixels in [0, 1].</param>
public sealed record DatasetInfo(string Name, int Channels, int Height, int Width, int ClassCount, float[] Mean, float[] Std)
{
    /// <summary>Values per image: Channels × Height × Width.</summary>
    public int ImageSize => Channels * Height * Width;

    /// <summary>
    /// How many clients the published data set comes with (FEMNIST: 3 400 writers), which bounds
    /// <c>client_num_in_total</c>; null for a data set without natural clients.
    /// </summary>
    public int? NaturalClientCount { get; init; }

    /// <summary>
    /// What a sample's values are when they are not pixels (Shakespeare's character indices, StackOverflow's bag of
    /// words), in a phrase for messages; null (the default) for images. Such data sets travel the image path as
    /// 1 × 1 × length "images", but attacks that poison or reconstruct images do not apply to them.
    /// </summary>
    public string? NonImageSamples { get; init; }

    /// <summary>The only models that take this data set (FedML pairs them so), or null (the default) when any image model may.</summary>
    public IReadOnlyList<string>? Models { get; init; }

    /// <summary>Whether samples have several labels (StackOverflow's tags: <see cref="ImageSet.Targets"/>).</summary>
    public bool MultiLabel { get; init; }

    /// <summary>
    /// What the data set's own clients are, in a phrase for messages (<c>users</c>), when it is split by them and
    /// FedSec does not know their published count beforehand; null (the default) otherwise.
    /// </summary>
    public string? ClientNoun { get; init; }
}
