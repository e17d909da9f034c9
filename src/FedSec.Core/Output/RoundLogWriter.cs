using System.Text.Json;
using FedSec.Simulation;

namespace FedSec.Output;

/// <summary>Appends one JSON line per finished round to <c>rounds.jsonl</c>, flushed at once, so an interrupted run keeps its rounds.</summary>
public sealed class RoundLogWriter : IExperimentObserver, IDisposable
{
    private readonly StreamWriter _writer;

    /// <summary>Creates (or truncates) the file; with <paramref name="append"/>, adds to it (a resumed run).</summary>
    public RoundLogWriter(string path, bool append = false)
    {
        _writer = new StreamWriter(path, append) { AutoFlush = true };
    }

    /// <inheritdoc />
    public void RoundFinished(RoundRecord record) => _writer.WriteLine(JsonSerializer.Serialize(record, JsonOptions.Lines));

    /// <inheritdoc />
    public void Dispose() => _writer.Dispose();
}
