namespace FedSec.Privacy.SecureAggregation;

/// <summary>What a round of secure aggregation gave the server: the unmasked sum of the survivors' quantised inputs, or why there is none.</summary>
/// <param name="Sum">Σ of the survivors' quantised inputs mod 2³², or null when the round failed.</param>
/// <param name="Failure">Why the sum could not be unmasked (too few shares), or null.</param>
/// <param name="Survivors">The clients whose masked input the server summed.</param>
/// <param name="Saturated">How many values the clients clipped to [−c, c] before quantising (what they reported).</param>
internal sealed record SecAggExchangeResult(uint[]? Sum, string? Failure, IReadOnlySet<int> Survivors, int Saturated);
