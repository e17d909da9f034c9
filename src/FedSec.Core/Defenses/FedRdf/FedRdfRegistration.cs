using FedSec.Components;

namespace FedSec.Defenses.FedRdf;

/// <summary>Registers FedRDF as <c>fedrdf</c>.</summary>
public static class FedRdfRegistration
{
    /// <summary>The descriptor of <c>defense_type: fedrdf</c> (an aggregation rule).</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "fedrdf",
        "Per round, FedAvg or, when a Kolmogorov-Smirnov test on the clients' values rejects often enough, per coordinate the sorted value at the highest Fourier frequency (Marmol Campos et al. 2024).",
        FedRdfOptions.Keys,
        FedRdfOptions.Read,
        o => new FedRdfDefense(o));
}
