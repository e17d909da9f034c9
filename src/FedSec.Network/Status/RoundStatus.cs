namespace FedSec.Network.Status;

/// <summary>A completed round in <see cref="FederationStatus"/>.</summary>
/// <param name="Round">1-based.</param>
/// <param name="Accuracy">Test accuracy, when evaluated.</param>
/// <param name="Loss">Test loss, when evaluated.</param>
/// <param name="Reported">How many sampled clients reported.</param>
/// <param name="Dropped">Who was left out and why ("3: missed the 30 s deadline").</param>
/// <param name="Flagged">Per defense, the clients it flagged.</param>
public sealed record RoundStatus(int Round, double? Accuracy, double? Loss, int Reported, IReadOnlyList<string> Dropped, IReadOnlyDictionary<string, IReadOnlyList<int>> Flagged);
