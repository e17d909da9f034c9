using FedSec.Results.Database;

namespace FedSec.Reporting.Report;

/// <summary>A stored run whose backdoor durability is measured, with it (<see cref="BackdoorDurability.Measured"/>).</summary>
/// <param name="Run">The run.</param>
/// <param name="Durability">How long its backdoor outlived the attacker.</param>
internal sealed record MeasuredRun(StoredRun Run, BackdoorDurability Durability);
