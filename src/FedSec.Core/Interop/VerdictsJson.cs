using System.Text;
using System.Text.Json;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Interop;

/// <summary>
/// Writes what each defense did as JSON, for comparison with another implementation:
/// <c>{"defenses": [{"name": "krum", "stage": "before", "verdicts": [{"client": 0, "kind": "kept", "weight": 1, "score": 2.5}, ...]}, ...]}</c>.
/// <c>kind</c> is kept, removed, reweighted or modified; <c>score</c> is null when the defense has none, and a
/// non-finite score is written as the string "NaN", "Infinity" or "-Infinity" (JSON has no such numbers). A client
/// id below 0 is a synthetic update made by an earlier defense (a bucket mean). After-aggregation defenses judge no
/// client, so their list is empty.
/// </summary>
public static class VerdictsJson
{
    /// <summary>The JSON text (indented, UTF-8 without BOM when written to a file) for <paramref name="reports"/>.</summary>
    public static string Serialize(IReadOnlyList<DefenseRoundReport> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartArray("defenses");
            foreach (var report in reports)
            {
                json.WriteStartObject();
                json.WriteString("name", report.Name);
                json.WriteString("stage", report.Stage.Word());
                json.WriteStartArray("verdicts");
                foreach (var v in report.Verdicts)
                {
                    json.WriteStartObject();
                    json.WriteNumber("client", v.ClientId);
                    json.WriteString("kind", Kind(v.Kind));
                    WriteNumber(json, "weight", v.Weight);
                    if (v.Score is { } score)
                    {
                        WriteNumber(json, "score", score);
                    }
                    else
                    {
                        json.WriteNull("score");
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes <see cref="Serialize"/>'s text to <paramref name="path"/>, with a final newline.</summary>
    public static void Write(string path, IReadOnlyList<DefenseRoundReport> reports)
    {
        ArgumentNullException.ThrowIfNull(path);
        File.WriteAllText(path, Serialize(reports) + "\n", new UTF8Encoding(false));
    }

    private static string Kind(VerdictKind kind) => kind.ToString().ToLowerInvariant();

    private static void WriteNumber(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteString(name, double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
