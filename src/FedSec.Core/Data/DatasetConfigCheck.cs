using FedSec.Configuration;

namespace FedSec.Data;

/// <summary>
/// What a configuration's data set says about its other keys, before any file is read: a data set with its own clients
/// (FEMNIST's writers) bounds <c>client_num_in_total</c> and is split by them, so <c>partition_method</c> and
/// <c>partition_alpha</c> do nothing there.
/// </summary>
public static class DatasetConfigCheck
{
    /// <summary>The problems (each naming its key) and the warnings (one line each) for <paramref name="config"/>'s data set.</summary>
    public static (IReadOnlyList<ConfigProblem> Problems, IReadOnlyList<string> Warnings) Check(ExperimentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var problems = new List<ConfigProblem>();
        var warnings = new List<string>();
        if (DatasetCatalog.IsKnown(config.Dataset) && DatasetCatalog.Info(config.Dataset) is { NaturalClientCount: null, ClientNoun: { } noun } own)
        {
            // Shakespeare's roles, StackOverflow's users: their number is known only once the files are read.
            warnings.Add(
                $"{Where(config, EngineParameters.ClientNumInTotal.Key, ConfigSections.Train)}: {own.Name}'s clients are its {noun}; FedSec takes the first "
                + $"{config.ClientNumInTotal} in name order (FedML's loader takes all of them whatever client_num_in_total says).");
            PartitionKeysUnused(config, own.Name, noun, warnings);
            return (problems, warnings);
        }

        if (!DatasetCatalog.IsKnown(config.Dataset) || DatasetCatalog.Info(config.Dataset) is not { NaturalClientCount: { } writers } info)
        {
            return (problems, warnings);
        }

        if (config.ClientNumInTotal > writers)
        {
            problems.Add(new ConfigProblem(
                Where(config, EngineParameters.ClientNumInTotal.Key, ConfigSections.Train),
                $"{config.ClientNumInTotal} clients asked for, but {info.Name}'s clients are its {writers} writers; use at most {writers}."));
        }
        else if (config.ClientNumInTotal < writers)
        {
            warnings.Add(
                $"{Where(config, EngineParameters.ClientNumInTotal.Key, ConfigSections.Train)}: {info.Name}'s clients are its writers; FedSec takes the first "
                + $"{config.ClientNumInTotal} of its {writers} (FedML's loader ignores client_num_in_total for {info.Name} and samples client_num_per_round "
                + $"of all {writers} each round: set client_num_in_total: {writers} for that).");
        }

        foreach (var key in new[] { EngineParameters.PartitionMethod.Key, EngineParameters.PartitionAlpha.Key })
        {
            if (config.Namespace.Find(key, ConfigSections.Data) is { } written)
            {
                warnings.Add($"{written.QualifiedKey}: {info.Name} is split by its own writers, as FedML's loader does; {key} is not used.");
            }
        }

        return (problems, warnings);
    }

    private static void PartitionKeysUnused(ExperimentConfig config, string name, string noun, List<string> warnings)
    {
        foreach (var key in new[] { EngineParameters.PartitionMethod.Key, EngineParameters.PartitionAlpha.Key })
        {
            if (config.Namespace.Find(key, ConfigSections.Data) is { } written)
            {
                warnings.Add($"{written.QualifiedKey}: {name} is split by its own {noun}, as FedML's loader does; {key} is not used.");
            }
        }
    }

    private static string Where(ExperimentConfig config, string key, string section) =>
        config.Namespace.Find(key, section)?.QualifiedKey ?? $"{section}.{key}";
}
