using FedSec.Data;

namespace FedSec.Fetch.Tests;

/// <summary>A source serving fixed bytes per file, optionally failing after writing some; records what it was asked for.</summary>
internal sealed class FakeFetchSource(string name, IReadOnlyDictionary<string, byte[]> files, string? failWith = null) : IFetchSource
{
    public string Name { get; } = name;

    public List<string[]> Requests { get; } = [];

    public Task FetchAsync(IReadOnlyList<string> fileNames, string stagingDirectory, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        Requests.Add(fileNames.ToArray());
        foreach (string f in fileNames)
        {
            if (files.TryGetValue(f, out var bytes))
            {
                File.WriteAllBytes(Path.Combine(stagingDirectory, f), bytes);
                progress?.Report(new FetchProgress(Name, f, bytes.Length, bytes.Length, null));
            }
        }

        return failWith is null ? Task.CompletedTask : throw new IOException(failWith);
    }
}
