namespace FedSec.Results.Database;

/// <summary>One round of a stored run.</summary>
/// <param name="RunKey">The run's key.</param>
/// <param name="Round">Zero-based round index.</param>
/// <param name="Accuracy">Test accuracy, when evaluated.</param>
/// <param name="Loss">Test loss, when evaluated.</param>
/// <param name="TrainLoss">Mean local training loss.</param>
/// <param name="Seconds">Wall time of the round.</param>
/// <param name="AttackActive">Whether the attack was active.</param>
/// <param name="Sampled">Clients sampled.</param>
/// <param name="Attacked">Clients whose attack acted.</param>
/// <param name="Metrics">Further metrics by name (e.g. <c>attack_success_rate</c>).</param>
public sealed record StoredRound(
    string RunKey,
    int Round,
    double? Accuracy,
    double? Loss,
    double? TrainLoss,
    double Seconds,
    bool AttackActive,
    IReadOnlyList<int> Sampled,
    IReadOnlyList<int> Attacked,
    IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>Test perplexity of a language model, when evaluated (<c>rounds.perplexity</c>); null for image runs.</summary>
    public double? Perplexity { get; init; }
}
