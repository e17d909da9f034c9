using FedSec.Configuration;
using FedSec.Data;
using FedSec.Randomness;

namespace FedSec.Simulation;

/// <summary>
/// The experiment's data for a data set that comes with its own clients (FEMNIST's writers): client <c>i</c> is the
/// data set's client <c>i</c> (the first <c>client_num_in_total</c> in the data set's order), with all of its samples,
/// as FedML's FEMNIST loader gives each writer's samples to one client. <c>partition_method</c> and
/// <c>partition_alpha</c> play no part. The test set is the whole test split (every writer's, as FedML's global test
/// set), subsampled by <c>test_samples</c> like any data set's. A server root set is a seeded draw from the chosen
/// clients' samples, held out of them.
/// </summary>
internal static class NaturalClientData
{
    public static ExperimentData Build(ExperimentConfig config, DatasetSplit split, NaturalClients natural, int serverRootSize)
    {
        string name = split.Info.Name;
        string noun = split.Info.ClientNoun ?? "writers";
        if (config.TrainSamples > 0)
        {
            throw new ConfigException(
                "data_args.train_samples",
                $"{name} is split among its own {natural.Count} clients ({noun}); a subset of {config.TrainSamples} training samples would cut across them. "
                + "Choose fewer clients with train_args.client_num_in_total instead, and set train_samples to 0.");
        }

        if (config.ClientNumInTotal > natural.Count)
        {
            throw new ConfigException(
                "train_args.client_num_in_total",
                $"{config.ClientNumInTotal} clients asked for, but {name}'s training data holds {natural.Count} clients ({noun}); use at most {natural.Count}.");
        }

        var seeds = new SeedStreams(config.RandomSeed);
        var test = ExperimentDataBuilder.Sample(split.Test, config.TestSamples, "data_args.test_samples", seeds.Random("test-subset"));
        var owned = natural.Indices.Take(config.ClientNumInTotal).ToArray();
        ImageSet? root = null;
        if (serverRootSize > 0)
        {
            var pool = owned.SelectMany(o => o).Order().ToArray();
            if (serverRootSize >= pool.Length)
            {
                throw new ConfigException("defense_args.root_set_size", $"A server root set of {serverRootSize} samples leaves nothing for the clients of {pool.Length} training samples.");
            }

            var perm = seeds.Random("server-root-set").Permutation(pool.Length);
            var rootIdx = perm.Take(serverRootSize).Select(i => pool[i]).Order().ToArray();
            root = split.Train.Subset(rootIdx);
            var held = rootIdx.ToHashSet();
            owned = owned.Select(o => o.Where(i => !held.Contains(i)).ToArray()).ToArray();
            int emptied = Array.FindIndex(owned, o => o.Length == 0);
            if (emptied >= 0)
            {
                throw new ConfigException(
                    "defense_args.root_set_size",
                    $"holding {serverRootSize} samples out for the server's root set leaves {name}'s client {emptied} ('{natural.Names[emptied]}') with none; use a smaller root set.");
            }
        }

        var clients = owned.Select(o => split.Train.Subset(o)).ToArray();
        return new ExperimentData(clients, test, root) { SourceFingerprint = DataFingerprint.Of(split) };
    }
}
