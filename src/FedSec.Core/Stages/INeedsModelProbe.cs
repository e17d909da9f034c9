namespace FedSec.Stages;

/// <summary>
/// A defense that evaluates the clients' models on server-side inputs (DeepSight, FLARE): the engine provides
/// <see cref="RoundContext.Probe"/>. A run whose model the server cannot probe (a language model), or whose model does not
/// expose penultimate features when <see cref="NeedsFeatures"/> is true, is a configuration error naming the model and
/// the defense.
/// </summary>
public interface INeedsModelProbe
{
    /// <summary>Whether the defense needs the penultimate-layer representations, not only the outputs.</summary>
    bool NeedsFeatures { get; }
}
