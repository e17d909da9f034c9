using System.Text.Json;
using FedSec.Simulation;

namespace FedSec.Output;

/// <summary>Appends one JSON line per finished round to <c>rounds.jsonl</c>, flushed at once, so an interrupted run keeps its rounds.</summary>
public sealed class RoundLogWriter : IExperimentObserver, IDisposable
{
    private readonly StreamWriter _writer;

    /// <summary>Creates (or truncates) the file.</summary>
    public RoundLogWriter(string path)
    {
        _writer = new StreamWriter(path, append: false) { AutoFlush = true };
    }

    /// <inheritdoc />
    public void RoundFinished(RoundRecord record) => _writer.WriteLine(JsonSerializer.Serialize(record, JsonOptions.Lines));

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
