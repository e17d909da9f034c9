namespace FedSec.Stages;

/// <summary>
/// Which clients an attack controls: a count drawn once per experiment from the seeded stream (fixed identities),
/// or explicit identities.
/// </summary>
/// <param name="Count">How many clients are malicious.</param>
/// <param name="Ids">Explicit identities, when the configuration names them; otherwise null.</param>
public sealed record MaliciousClientSpec(int Count, IReadOnlyList<int>? Ids = null);
