namespace FedSec.Stages;

/// <summary>
/// A model-poisoning attack whose forged update is built from the malicious client's own trained model (sign flip's
/// −s·Δ, the Byzantine flip 2G − w), so it needs that client's data: with <c>malicious_clients_without_data</c> it is a
/// config error, as are the attacks that poison or train on the attacker's data (data poisoning, backdoors, label
/// flipping, constrained training).
/// </summary>
public interface IUsesOwnTraining
{
    /// <summary>Whether this instance, as configured, forges from the malicious client's own training.</summary>
    bool UsesOwnTraining { get; }
}
