using System.Formats.Tar;
using System.IO.Compression;

using FedSec.Data;
using ICSharpCode.SharpZipLib.BZip2;

namespace FedSec.Fetch;

/// <summary>
/// Fetches a data set published as one archive (<see cref="DatasetArchive"/>: CIFAR-100's tar.gz, FEMNIST's tar.bz2):
/// downloads it from each source in turn into <c>NAME.part</c> in the target directory, resuming a partial download
/// left by an interrupted attempt, checks the pinned SHA-256 of the whole archive (a mismatch deletes the partial file
/// and moves on to the next source), then extracts the files the data set needs, matched by name, through a staging
/// directory so that a target file appears only complete, and removes the archive. Files already in place are kept.
/// Tar is read by System.Formats.Tar, gzip by System.IO.Compression and bzip2 by SharpZipLib.
/// </summary>
public sealed class ArchiveFetcher : IFileSetFetcher
{
    private readonly HttpClient _client;

    /// <summary>Creates the fetcher of <paramref name="archive"/> for <paramref name="dataset"/>.</summary>
    /// <param name="dataset">The data set's name, for messages.</param>
    /// <param name="archive">The archive: its sources, pinned hash and files.</param>
    /// <param name="client">The client to use; by default one shared with a 5 s connect timeout.</param>
    public ArchiveFetcher(string dataset, DatasetArchive archive, HttpClient? client = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataset);
        ArgumentNullException.ThrowIfNull(archive);
        Dataset = dataset;
        Archive = archive;
        _client = client ?? FetchHttp.Client;
    }

    /// <summary>The data set's name, for messages.</summary>
    public string Dataset { get; }

    /// <summary>The archive fetched.</summary>
    public DatasetArchive Archive { get; }

    /// <summary>How long to wait for each response's headers.</summary>
    /// <value>The default value is 15 seconds.</value>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a download may go without receiving a byte before it is abandoned (and can be resumed later).</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <inheritdoc />
    public async Task<FetchResult> FetchAsync(string targetDirectory, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetDirectory);
        string target = Path.GetFullPath(targetDirectory);
        Directory.CreateDirectory(target);
        var present = Archive.Files.Where(f => File.Exists(Path.Combine(target, f))).ToArray();
        var missing = Archive.Files.Except(present).ToArray();
        if (missing.Length == 0)
        {
            return new FetchResult(target, present, new Dictionary<string, string>(), []) { PresentFilesVerified = false };
        }

        var failures = new List<string>();
        string archivePath = Path.Combine(target, Archive.FileName);
        string? source = await DownloadAsync(archivePath, failures, progress, cancellationToken).ConfigureAwait(false);
        if (source is null)
        {
            throw Failed(target, missing, failures);
        }

        try
        {
            progress?.Report(new FetchProgress(source, Archive.FileName, 0, null, $"unpacking {string.Join(", ", missing)} (a large archive takes minutes)"));
            var extracted = await ExtractAsync(archivePath, target, missing, cancellationToken).ConfigureAwait(false);
            var notFound = missing.Except(extracted).ToArray();
            if (notFound.Length > 0)
            {
                failures.Add($"{source}: the archive holds no {string.Join(", ", notFound)}.");
                throw Failed(target, notFound, failures);
            }

            progress?.Report(new FetchProgress(source, Archive.FileName, 0, null, $"extracted {string.Join(", ", extracted)}"));
            return new FetchResult(target, present, extracted.ToDictionary(f => f, _ => source), failures) { PresentFilesVerified = false };
        }
        finally
        {
            File.Delete(archivePath);
        }
    }

    /// <summary>Gets the verified archive to <paramref name="archivePath"/>; returns the source it came from, or null when every source failed.</summary>
    private async Task<string?> DownloadAsync(string archivePath, List<string> failures, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        if (File.Exists(archivePath) && Verified(archivePath, out _))
        {
            return $"{Archive.FileName} downloaded earlier";
        }

        string partial = archivePath + ".part";
        foreach (var address in Archive.Sources)
        {
            string name = address.AbsoluteUri;
            try
            {
                progress?.Report(new FetchProgress(name, Archive.FileName, 0, Archive.Size, $"downloading {name}"));
                await ResumableDownload.RunAsync(_client, address, partial, Archive.FileName, progress, ResponseTimeout, StallTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or TimeoutException or IOException)
            {
                // The partial file stays: the next source (or the next run) continues it, and the hash judges the result.
                failures.Add(e.Message.StartsWith(name, StringComparison.Ordinal) ? e.Message : Line(name, e.Message));
                progress?.Report(new FetchProgress(name, Archive.FileName, 0, null, $"failed: {e.Message}"));
                continue;
            }

            if (!Verified(partial, out string actual))
            {
                File.Delete(partial);
                failures.Add($"{name}: {Archive.FileName} has SHA-256 {actual}, expected {Archive.Sha256} ({Archive.Provenance}); deleted.");
                progress?.Report(new FetchProgress(name, Archive.FileName, 0, null, "SHA-256 mismatch; deleted"));
                continue;
            }

            File.Move(partial, archivePath, overwrite: true);
            progress?.Report(new FetchProgress(name, Archive.FileName, new FileInfo(archivePath).Length, null, "SHA-256 verified"));
            return name;
        }

        if (Archive.Sources.Count == 0)
        {
            failures.Add("(no sources were configured)");
        }

        return null;
    }

    /// <summary>Extracts the wanted files (by name, wherever they sit in the archive) into <paramref name="target"/>; returns the ones found.</summary>
    private async Task<List<string>> ExtractAsync(string archivePath, string target, IReadOnlyCollection<string> wanted, CancellationToken cancellationToken)
    {
        // Staging inside the target keeps the final move on one file system, where a rename is atomic.
        string staging = Path.Combine(target, $".extract-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        var found = new List<string>();
        try
        {
            var file = File.OpenRead(archivePath);
            await using (file.ConfigureAwait(false))
            {
                Stream decompressed = Archive.IsBzip2 ? new BZip2InputStream(file) { IsStreamOwner = false } : new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
                await using (decompressed.ConfigureAwait(false))
                {
                    var reader = new TarReader(decompressed);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
                        {
                            string name = Path.GetFileName(entry.Name.TrimEnd('/'));
                            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !wanted.Contains(name) || found.Contains(name))
                            {
                                continue;
                            }

                            await entry.ExtractToFileAsync(Path.Combine(staging, name), overwrite: true, cancellationToken).ConfigureAwait(false);
                            found.Add(name);
                        }
                    }
                }
            }

            foreach (string name in found)
            {
                File.Move(Path.Combine(staging, name), Path.Combine(target, name), overwrite: true);
            }

            return found;
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or BZip2Exception or EndOfStreamException)
        {
            throw new DataFetchException(Dataset, target, wanted.ToArray(), [$"{archivePath}: passed its SHA-256 check but cannot be unpacked ({e.Message})."], ByHand(target));
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private bool Verified(string path, out string actual)
    {
        actual = DataFetcher.ComputeSha256(path);
        return string.Equals(actual, Archive.Sha256, StringComparison.OrdinalIgnoreCase);
    }

    private DataFetchException Failed(string target, IReadOnlyList<string> missing, IReadOnlyList<string> failures) =>
        new(Dataset, target, missing, failures, ByHand(target));

    /// <summary>Where the files come from and where they go, for a user who fetches by hand.</summary>
    private string ByHand(string target) =>
        $"Alternatively, download {Archive.FileName} yourself from {string.Join(" or ", Archive.Sources.Select(u => u.AbsoluteUri))} "
        + $"(SHA-256 {Archive.Sha256}) and extract {string.Join(" and ", Archive.Files)} into '{target}'.";

    private static string Line(string source, string message)
    {
        string m = message.TrimEnd();
        return $"{source}: {(m.EndsWith('.') ? m : m + ".")}";
    }
}
