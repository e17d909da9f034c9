using static TorchSharp.torch;

namespace FedSec.Torch.Data;

/// <summary>
/// Per-channel input normalisation, <c>(x − mean[c]) / std[c]</c>, applied to pixels in [0, 1] before they enter the
/// model (e.g. MNIST's 0.1307 / 0.3081).
/// </summary>
public sealed class ChannelNormalization
{
    private readonly float[] _mean;
    private readonly float[] _std;

    /// <summary>Creates a normalisation from one mean and one standard deviation per channel.</summary>
    /// <exception cref="ArgumentException">The arrays differ in length, are empty, or a deviation is not positive and finite.</exception>
    public ChannelNormalization(IReadOnlyList<float> mean, IReadOnlyList<float> std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Count == 0 || mean.Count != std.Count)
        {
            throw new ArgumentException($"Normalisation needs one mean and one standard deviation per channel; got {mean.Count} means and {std.Count} deviations.");
        }

        if (mean.Any(m => !float.IsFinite(m)) || std.Any(s => !(s > 0) || !float.IsFinite(s)))
        {
            throw new ArgumentException($"Normalisation means must be finite and deviations positive and finite; got mean [{string.Join(", ", mean)}], std [{string.Join(", ", std)}].");
        }

        _mean = mean.ToArray();
        _std = std.ToArray();
    }

    /// <summary>The per-channel means.</summary>
    public IReadOnlyList<float> Mean => _mean;

    /// <summary>The per-channel standard deviations.</summary>
    public IReadOnlyList<float> Std => _std;

    /// <summary>Number of channels.</summary>
    public int Channels => _mean.Length;

    /// <summary>Normalises an N×C×H×W batch in place and returns it.</summary>
    internal Tensor ApplyInPlace(Tensor batch)
    {
        if (batch.shape[1] != Channels)
        {
            throw new ArgumentException($"The normalisation has {Channels} channels but the images have {batch.shape[1]}.");
        }

        using var scope = NewDisposeScope();
        var mean = tensor(_mean, [1, Channels, 1, 1]);
        var std = tensor(_std, [1, Channels, 1, 1]);
        batch.sub_(mean).div_(std);
        return batch;
    }
}
