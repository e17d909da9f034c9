using System.Text.Json;

namespace FedSec.Data.Leaf;

/// <summary>Parsed JSON documents kept alive while their elements are read, disposed together.</summary>
internal sealed class Documents : IDisposable
{
    private readonly List<JsonDocument> _documents = new();

    /// <summary>Keeps <paramref name="document"/> until <see cref="Dispose"/>.</summary>
    public void Add(JsonDocument document) => _documents.Add(document);

    /// <summary>Disposes every document.</summary>
    public void Dispose()
    {
        foreach (var d in _documents)
        {
            d.Dispose();
        }

        _documents.Clear();
    }
}
