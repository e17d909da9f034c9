namespace FedSec.Configuration;

/// <summary>How malicious clients are chosen (<c>attack_args.malicious_client_selection</c>).</summary>
public enum MaliciousClientSelection
{
    /// <summary>Identities drawn once from the seed and fixed for the experiment (the paper's threat model).</summary>
    Fixed,

    /// <summary>Re-drawn among the sampled clients every round, as FedML's code does.</summary>
    PerRound,
}
