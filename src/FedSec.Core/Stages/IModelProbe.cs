namespace FedSec.Stages;

/// <summary>
/// The server's probe of the model (<see cref="RoundContext.Probe"/>): evaluates any flat weight vector of the run's
/// layout on a batch of inputs and returns the softmax outputs and, when the model exposes them, the penultimate-layer
/// representations (the input of its last linear layer). For defenses that inspect what models do on server-side inputs
/// (DeepSight's random inputs, FLARE's held-out samples). Runs in evaluation mode (dropout off, BatchNorm on its running
/// statistics), without gradients, one call at a time.
/// </summary>
public interface IModelProbe
{
    /// <summary>Channels of one input image.</summary>
    int Channels { get; }

    /// <summary>Height of one input image.</summary>
    int Height { get; }

    /// <summary>Width of one input image.</summary>
    int Width { get; }

    /// <summary>Number of outputs (classes) of the model.</summary>
    int ClassCount { get; }

    /// <summary>Whether the model exposes its penultimate-layer representations.</summary>
    bool HasFeatures { get; }

    /// <summary>
    /// The model <paramref name="weights"/> on <paramref name="count"/> images <paramref name="pixels"/> (N × C × H × W,
    /// row-major, pixels in [0, 1] as in an <c>ImageSet</c>; the probe applies the data set's normalisation as training does).
    /// </summary>
    /// <param name="weights">A full flat model of the run's layout.</param>
    /// <param name="pixels">count · Channels · Height · Width values.</param>
    /// <param name="count">Number of images.</param>
    /// <param name="features">Whether to return the penultimate representations too (only when <see cref="HasFeatures"/>).</param>
    ProbeOutputs Probe(ReadOnlySpan<float> weights, ReadOnlySpan<float> pixels, int count, bool features);
}
