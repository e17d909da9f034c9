using FedSec.Parameters;

namespace FedSec.Stages;

/// <summary>
/// A change a malicious client makes to its own model while it trains locally, between optimizer steps (the PGD
/// projection of Wang et al., "Attack of the Tails", NeurIPS 2020). The model backend applies it after the first step
/// of each epoch and every <see cref="StepInterval"/> steps after that (0-based step index within the epoch divisible
/// by it), and after the epoch's last step; so with an interval of 1 after every step.
/// </summary>
public interface ILocalModelConstraint
{
    /// <summary>Steps between applications within an epoch (1 = every step); at least 1.</summary>
    int StepInterval { get; }

    /// <summary>Changes <paramref name="weights"/> (the whole flat model, in <paramref name="layout"/>) in place.</summary>
    /// <param name="weights">The client's current model.</param>
    /// <param name="global">The global model the client started the round from.</param>
    /// <param name="layout">The models' layout.</param>
    void Apply(Span<float> weights, ReadOnlySpan<float> global, ParameterLayout layout);
}
