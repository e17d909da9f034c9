using FedSec.Configuration;
using FedSec.Torch.Simulation;

namespace FedSec.Cli.Commands.Run;

/// <summary>The one-line descriptions <c>fedsec run</c> prints of its experiment.</summary>
internal static class ExperimentDescription
{
    /// <summary>Data set, model, clients, rounds, optimizer, attack, defense chain and seed.</summary>
    public static string Of(ExperimentConfig c)
    {
        ArgumentNullException.ThrowIfNull(c);
        string attack = c.EnableAttack ? c.AttackType ?? "none" : "no attack";
        string defense = c.EnableDefense && c.DefenseTypes.Count > 0 ? string.Join(" → ", c.DefenseTypes) : "no defense";
        return $"{c.Dataset}, {c.Model}, {c.ClientNumInTotal} clients ({c.ClientNumPerRound} per round), {c.CommRound} rounds, {c.FederatedOptimizer}; {attack}; {defense}; seed {c.RandomSeed}";
    }

    /// <summary>What was prepared: data, partition, model and how many clients train at once.</summary>
    public static string Prepared(PreparedExperiment prepared, ExperimentConfig c)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        ArgumentNullException.ThrowIfNull(c);
        string split = prepared.Split?.TrainClients is null ? c.PartitionMethod.ToString() : "the data set's own clients";
        string samples = prepared.Data.Kind == FedSec.Data.DataKind.TokenSequences ? $"sequences of {c.SequenceLength} tokens" : "samples";
        return $"Data: {prepared.Split?.Info.Name ?? c.Dataset}, {prepared.Data.Clients.Sum(x => x.Count)} training {samples} over {c.ClientNumInTotal} clients ({split}), "
            + $"{prepared.Data.Test.Count} test {samples}; model {c.Model} ({prepared.Backend.Layout}); {prepared.Backend.MaxConcurrentTrainings} client(s) training at a time.";
    }
}
