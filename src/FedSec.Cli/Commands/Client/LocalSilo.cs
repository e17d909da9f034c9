using FedSec.Configuration;
using FedSec.Data;
using FedSec.Data.Npy;
using FedSec.Randomness;
using FedSec.Simulation;

namespace FedSec.Cli.Commands.Client;

/// <summary>
/// A real silo's own training data (<c>fedsec client --data DIR</c>) instead of its clients' parts of the configured data
/// set: the IDX pair <c>train-images-idx3-ubyte</c> and <c>train-labels-idx1-ubyte</c> (optionally <c>.gz</c>), or
/// <c>x.npy</c> (float32, one row of C·H·W pixels in [0, 1] per image) and <c>y.npy</c> (float32 labels), in the
/// configured data set's image shape. One hosted client trains on all of it; several split it with the configured
/// partition method, seeded by (seed, "silo-partition"). The other clients of the run are empty here: a node trains
/// only its own, and the server evaluates.
/// </summary>
internal static class LocalSilo
{
    /// <summary>The experiment data of a node hosting <paramref name="hosted"/> on the silo's data.</summary>
    public static ExperimentData Load(string dir, ExperimentConfig config, IReadOnlyList<int> hosted)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(hosted);
        var info = DatasetCatalog.Info(config.Dataset);
        var train = Read(dir, info);
        var empty = new ImageSet([], [], info.Channels, info.Height, info.Width, info.ClassCount);
        var clients = Enumerable.Repeat(empty, config.ClientNumInTotal).ToArray();
        if (hosted.Count == 1)
        {
            clients[hosted[0]] = train;
        }
        else if (hosted.Count > 1)
        {
            var parts = Partitioners.Create(config.PartitionMethod, config.PartitionAlpha, config.ShardsPerClient)
                .Partition(train.Labels, info.ClassCount, hosted.Count, new SeedStreams(config.RandomSeed).Random("silo-partition"));
            for (int i = 0; i < hosted.Count; i++)
            {
                clients[hosted[i]] = train.Subset(parts[i]);
            }
        }

        return new ExperimentData(clients, empty);
    }

    /// <summary>Reads the silo's training set; throws <see cref="DataFormatException"/> naming the directory when it holds neither form or the wrong shape.</summary>
    public static ImageSet Read(string dir, DatasetInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        string? images = Find(dir, MnistFiles.TrainImages), labels = Find(dir, MnistFiles.TrainLabels);
        ImageSet set;
        if (images is not null && labels is not null)
        {
            set = IdxReader.Load(images, labels, info.ClassCount);
        }
        else if (File.Exists(Path.Combine(dir, "x.npy")) && File.Exists(Path.Combine(dir, "y.npy")))
        {
            var rows = NpyFile.ReadFloat32Matrix(Path.Combine(dir, "x.npy"));
            var y = NpyFile.ReadFloat32Vector(Path.Combine(dir, "y.npy"));
            int size = info.Channels * info.Height * info.Width;
            if (rows.Length != y.Length || rows.Any(r => r.Length != size))
            {
                throw new DataFormatException(dir, $"x.npy must hold one row of {size} values ({info.Channels}×{info.Height}×{info.Width}, {info.Name}'s shape) per label of y.npy ({y.Length}).");
            }

            set = new ImageSet(rows.SelectMany(r => r).ToArray(), y.Select(v => (int)v).ToArray(), info.Channels, info.Height, info.Width, info.ClassCount);
        }
        else
        {
            throw new DataFormatException(dir, $"(--data) it holds no training set: put {MnistFiles.TrainImages} and {MnistFiles.TrainLabels} (IDX, optionally .gz) or x.npy and y.npy there.");
        }

        if (set.Channels != info.Channels || set.Height != info.Height || set.Width != info.Width)
        {
            throw new DataFormatException(dir, $"the images are {set.Channels}×{set.Height}×{set.Width}; the configured data set {info.Name} has {info.Channels}×{info.Height}×{info.Width}.");
        }

        if (set.Labels.Any(l => l < 0 || l >= info.ClassCount))
        {
            throw new DataFormatException(dir, $"a label lies outside 0..{info.ClassCount - 1}, {info.Name}'s classes.");
        }

        return set;
    }

    private static string? Find(string dir, string file)
    {
        string plain = Path.Combine(dir, file);
        return File.Exists(plain) ? plain : File.Exists(plain + ".gz") ? plain + ".gz" : null;
    }
}
