using System.IO.Compression;

using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>
/// Files already on this machine, e.g. installed by a Debian package (<c>dataset-fashion-mnist</c> puts the official
/// Fashion-MNIST under <c>/usr/share/datasets/fashion-mnist</c>): each file is copied from
/// <c>{directory}/{name}</c>, or decompressed from <c>{directory}/{name}.gz</c>. <see cref="DataFetcher"/> checks the
/// copies' SHA-256 as it does for a download.
/// </summary>
public sealed class LocalDirectorySource : IFetchSource
{
    private readonly string _whenMissing;

    /// <summary>Creates the source.</summary>
    /// <param name="directory">Where the files are.</param>
    /// <param name="description">What the directory is, for messages (e.g. "Debian package dataset-fashion-mnist").</param>
    /// <param name="whenMissing">What to do when the directory is absent (e.g. the install command).</param>
    public LocalDirectorySource(string directory, string description, string whenMissing)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentException.ThrowIfNullOrWhiteSpace(whenMissing);
        Directory = directory;
        Description = description;
        _whenMissing = whenMissing;
    }

    /// <summary>Where the files are.</summary>
    public string Directory { get; }

    /// <summary>What the directory is.</summary>
    public string Description { get; }

    /// <inheritdoc />
    public string Name => $"{Description} ({Directory})";

    /// <inheritdoc />
    public async Task FetchAsync(IReadOnlyList<string> fileNames, string stagingDirectory, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        if (!System.IO.Directory.Exists(Directory))
        {
            throw new DirectoryNotFoundException($"'{Directory}' does not exist: {_whenMissing}");
        }

        var absent = new List<string>();
        foreach (string file in fileNames)
        {
            string plain = Path.Combine(Directory, file);
            string target = Path.Combine(stagingDirectory, file);
            if (File.Exists(plain))
            {
                File.Copy(plain, target, overwrite: true);
            }
            else if (File.Exists(plain + ".gz"))
            {
                await using var input = File.OpenRead(plain + ".gz");
                await using var gzip = new GZipStream(input, CompressionMode.Decompress);
                await using var output = File.Create(target);
                try
                {
                    await gzip.CopyToAsync(output, cancellationToken).ConfigureAwait(false);
                }
                catch (InvalidDataException e)
                {
                    throw new InvalidDataException($"'{plain}.gz' does not decompress ({e.Message}); reinstall it ({_whenMissing}).", e);
                }
            }
            else
            {
                absent.Add(file);
                continue;
            }

            progress?.Report(new FetchProgress(Name, file, new FileInfo(target).Length, null, "copied"));
        }

        if (absent.Count > 0)
        {
            throw new FileNotFoundException($"'{Directory}' has no {string.Join(", ", absent)} (nor .gz); {_whenMissing}");
        }
    }
}
