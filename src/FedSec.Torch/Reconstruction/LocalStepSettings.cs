namespace FedSec.Torch.Reconstruction;

/// <summary>The clients' local training as the server knows it from the configuration, to turn local models into gradients.</summary>
/// <param name="LearningRate">η (<c>train_args.learning_rate</c>).</param>
/// <param name="BatchSize"><c>train_args.batch_size</c>.</param>
/// <param name="Epochs"><c>train_args.epochs</c>.</param>
/// <param name="WeightDecay">λ (<c>train_args.weight_decay</c>).</param>
/// <param name="MaxSteps">The most steps a client takes (1 under FedSGD); 0 for no limit.</param>
public sealed record LocalStepSettings(double LearningRate, int BatchSize, int Epochs, double WeightDecay, int MaxSteps = 0)
{
    /// <summary>
    /// Local SGD steps of a client with <paramref name="samples"/> samples: ⌈samples / batch⌉ · epochs (the last partial
    /// batch is kept), at most <see cref="MaxSteps"/>. Under FedSGD a client takes one step whatever its sample count; the
    /// count of a whole epoch made the inverted gradient ⌈n/B⌉ times too small.
    /// </summary>
    public int Steps(int samples)
    {
        int steps = samples <= 0 ? 0 : ((samples + BatchSize - 1) / BatchSize) * Epochs;
        return MaxSteps > 0 ? Math.Min(steps, MaxSteps) : steps;
    }
}
