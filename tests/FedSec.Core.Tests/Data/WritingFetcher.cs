using FedSec.Data;

namespace FedSec.Core.Tests.Data;

/// <summary>An <see cref="IDatasetFetcher"/> that "fetches" by writing files with a delegate, and records what it was asked for.</summary>
internal sealed class WritingFetcher : IDatasetFetcher
{
    private readonly Action<string> _write;

    public WritingFetcher(Action<string> write) => _write = write;

    public List<string> Fetched { get; } = new();

    public bool CanFetch(string dataset) => true;

    public Task FetchAsync(string dataset, string dataDir, IProgress<FetchProgress>? progress, CancellationToken cancellationToken)
    {
        Fetched.Add(dataset);
        _write(DatasetCatalog.DatasetDirectory(dataset, dataDir));
        return Task.CompletedTask;
    }
}
