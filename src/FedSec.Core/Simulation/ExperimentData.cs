using FedSec.Data;

namespace FedSec.Simulation;

/// <summary>The data of an experiment: each client's own training set (by identity) and the clean, whole test set.</summary>
/// <param name="Clients">Client <c>i</c>'s training set at index <c>i</c>.</param>
/// <param name="Test">The global test set; never poisoned.</param>
/// <param name="ServerRoot">A small clean set held out for the server (FLTrust's root set), or null.</param>
public sealed record ExperimentData(IReadOnlyList<ImageSet> Clients, ImageSet Test, ImageSet? ServerRoot = null);
