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
}
