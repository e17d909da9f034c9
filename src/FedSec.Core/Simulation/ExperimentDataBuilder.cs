using FedSec.Configuration;
using FedSec.Data;
using FedSec.Randomness;

namespace FedSec.Simulation;

/// <summary>
/// Splits a data set's training part among the clients (each client gets its own copy) and keeps the test set
/// whole and clean. A server root set (FLTrust) is held out of the training part before the split, so no client
/// holds those samples. A data set with its own clients (FEMNIST's writers) is split by them
/// (<see cref="NaturalClientData"/>).
/// </summary>
public static class ExperimentDataBuilder
{
    /// <summary>
    /// Builds the per-client sets for <paramref name="config"/>; <paramref name="serverRootSize"/> 0 means none. The
    /// clients in <paramref name="withoutData"/> (<c>malicious_clients_without_data</c>: the attack's fixed identities,
    /// <see cref="AdversarySchedule.FixedIdentitiesOf"/>) get an empty set and the others split the training set
    /// among themselves, in ascending identity order; null or empty splits among every client as before.
    /// </summary>
    public static ExperimentData Build(ExperimentConfig config, DatasetSplit split, int serverRootSize = 0, IReadOnlySet<int>? withoutData = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(split);
        withoutData ??= new HashSet<int>();
        if (split.TrainClients is { } natural)
        {
            if (withoutData.Count > 0)
            {
                throw new ConfigException("attack_args.malicious_clients_without_data", $"{split.Info.Name} comes with its own clients (each holds its own data), so malicious clients cannot be left without data; use malicious_clients_without_data: false.");
            }

            return NaturalClientData.Build(config, split, natural, serverRootSize);
        }

        int[] holders = Enumerable.Range(0, config.ClientNumInTotal).Where(c => !withoutData.Contains(c)).ToArray();
        if (holders.Length == 0)
        {
            throw new ConfigException("attack_args.malicious_clients_without_data", $"every one of the {config.ClientNumInTotal} clients is malicious, so no client would hold data; use fewer malicious clients or malicious_clients_without_data: false.");
        }

        var seeds = new SeedStreams(config.RandomSeed);
        var train = Sample(split.Train, config.TrainSamples, "data_args.train_samples", seeds.Random("train-subset"));
        var test = Sample(split.Test, config.TestSamples, "data_args.test_samples", seeds.Random("test-subset"));
        int[] pool = Enumerable.Range(0, train.Count).ToArray();
        ImageSet? root = null;
        if (serverRootSize > 0)
        {
            if (serverRootSize >= train.Count)
            {
                throw new ConfigException("defense_args.root_set_size", $"A server root set of {serverRootSize} samples leaves nothing for the clients of a training set of {train.Count}.");
            }

            var perm = seeds.Random("server-root-set").Permutation(train.Count);
            var rootIdx = perm.Take(serverRootSize).Order().ToArray();
            root = train.Subset(rootIdx);
            pool = perm.Skip(serverRootSize).Order().ToArray();
        }

        var labels = pool.Select(i => train.Labels[i]).ToArray();
        var partitioner = Partitioners.Create(config.PartitionMethod, config.PartitionAlpha, config.ShardsPerClient);
        int[][] parts;
        try
        {
            parts = partitioner.Partition(labels, split.Info.ClassCount, holders.Length, seeds.Random("partition"));
        }
        catch (ArgumentException e)
        {
            throw new ConfigException("data_args.partition_method", $"The {EngineParameters.PartitionMethod.Word(config.PartitionMethod)} partition of {labels.Length} samples among {holders.Length} clients is impossible: {e.Message}");
        }

        var clients = new ImageSet[config.ClientNumInTotal];
        for (int c = 0; c < clients.Length; c++)
        {
            clients[c] = train.Subset(Array.Empty<int>());
        }

        for (int k = 0; k < holders.Length; k++)
        {
            clients[holders[k]] = train.Subset(parts[k].Select(i => pool[i]).ToArray());
        }

        return new ExperimentData(clients, test, root) { SourceFingerprint = DataFingerprint.Of(split) };
    }

    /// <summary>A seeded subset of <paramref name="count"/> samples (0 or the whole count: the set itself).</summary>
    internal static ImageSet Sample(ImageSet set, int count, string key, Random random)
    {
        if (count == 0 || count == set.Count)
        {
            return set;
        }

        if (count > set.Count)
        {
            throw new ConfigException(key, $"{count} samples asked for, but the set holds only {set.Count}; use at most {set.Count}, or 0 for all.");
        }

        return set.Subset(random.Permutation(set.Count).Take(count).Order().ToArray());
    }
}
