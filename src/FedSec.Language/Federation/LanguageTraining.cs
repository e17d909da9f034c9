namespace FedSec.Language.Federation;

/// <summary>How each client fine-tunes the language model in a round (from <c>train_args</c>).</summary>
/// <param name="LocalSteps">Optimizer steps per round (<c>local_steps</c>); 0 takes <paramref name="Epochs"/> passes over the client's sequences.</param>
/// <param name="Epochs">Passes per round when <paramref name="LocalSteps"/> is 0 (<c>epochs</c>).</param>
/// <param name="BatchSize">Sequences per batch (<c>batch_size</c>).</param>
/// <param name="LearningRate">AdamW's learning rate (<c>learning_rate</c>; 3e-4 when the configuration does not set it).</param>
/// <param name="WeightDecay">AdamW's decoupled weight decay (<c>weight_decay</c>).</param>
/// <param name="MaxGradNorm">Gradient clipping's total L2 norm (<c>max_grad_norm</c>); 0 turns it off.</param>
public sealed record LanguageTraining(int LocalSteps, int Epochs, int BatchSize, double LearningRate, double WeightDecay, double MaxGradNorm)
{
    /// <summary>FedLLM's learning rate, the default for text runs.</summary>
    public const double DefaultLearningRate = 3e-4;

    /// <summary>The steps a client with <paramref name="count"/> sequences takes, at most <paramref name="maxSteps"/> when that is positive (FedSGD: 1).</summary>
    public int StepsFor(int count, int maxSteps)
    {
        int steps = LocalSteps > 0 ? LocalSteps : Epochs * (int)Math.Ceiling(count / (double)BatchSize);
        return maxSteps > 0 ? Math.Min(steps, maxSteps) : steps;
    }
}
