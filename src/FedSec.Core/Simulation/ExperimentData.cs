using FedSec.Data;

namespace FedSec.Simulation;

/// <summary>
/// The data of an experiment: each client's own training set (by identity) and the clean, whole test set, all of one
/// <see cref="DataKind"/> (images, or token sequences).
/// </summary>
/// <param name="Clients">Client <c>i</c>'s training set at index <c>i</c>.</param>
/// <param name="Test">The global test set; never poisoned.</param>
/// <param name="ServerRoot">A small clean set held out for the server (FLTrust's root set), or null.</param>
public sealed record ExperimentData(IReadOnlyList<IClientDataset> Clients, IClientDataset Test, ImageSet? ServerRoot = null)
{
    /// <summary>The fingerprint of the whole data set these sets were drawn from (<see cref="DataFingerprint"/>), or null when unknown.</summary>
    public string? SourceFingerprint { get; init; }

    /// <summary>What the sets hold.</summary>
    public DataKind Kind => Test.Kind;
}
