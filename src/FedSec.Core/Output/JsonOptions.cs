using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedSec.Output;

/// <summary>The JSON settings of FedSec's result files: snake_case names, enums as words, NaN allowed.</summary>
public static class JsonOptions
{
    /// <summary>One compact line per record.</summary>
    public static JsonSerializerOptions Lines { get; } = Create(indented: false);

    /// <summary>Indented, for summaries.</summary>
    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = indented,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };
}
