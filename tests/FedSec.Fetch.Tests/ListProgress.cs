using FedSec.Data;

namespace FedSec.Fetch.Tests;

/// <summary>Collects progress reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
internal sealed class ListProgress(List<FetchProgress> reports) : IProgress<FetchProgress>
{
    public void Report(FetchProgress value)
    {
        lock (reports)
        {
            reports.Add(value);
        }
    }
}
