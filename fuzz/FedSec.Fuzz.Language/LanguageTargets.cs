using System.Text;
using FedSec.Language;
using FedSec.Language.Checkpoints;
using FedSec.Language.Models;

namespace FedSec.Fuzz.Language;

/// <summary>
/// safetensors: a checkpoint's weights, read by <see cref="HfCheckpoint.LoadWeights"/> (TorchSharp.PyBridge's parser,
/// then FedSec's name, shape and dtype checks) into a tiny GPT-NeoX; hf-config: a checkpoint's config.json, read by
/// <see cref="GptNeoXConfigReader"/>. Documented error of both: <see cref="LanguageModelException"/>.
/// </summary>
internal static class LanguageTargets
{
    private static readonly string InputPath = Path.Combine(Path.GetTempPath(), $"fedsec-fuzz-{Environment.ProcessId}.safetensors");
    private static GptNeoX? _model;

    public static IReadOnlyDictionary<string, Action<Stream>> All { get; } = new Dictionary<string, Action<Stream>>(StringComparer.Ordinal)
    {
        ["safetensors"] = Safetensors,
        ["hf-config"] = Config,
    };

    public static void WriteSeeds(string directory)
    {
        using var model = new GptNeoX(Tiny());
        HfCheckpoint.Save(model, directory);
    }

    private static void Safetensors(Stream input)
    {
        using (var file = File.Create(InputPath))
        {
            input.CopyTo(file);
        }

        _model ??= new GptNeoX(Tiny());
        try
        {
            HfCheckpoint.LoadWeights(_model, InputPath);
        }
        catch (LanguageModelException)
        {
        }
    }

    // Made inside the target, never in a static initializer: FedSec.Language is instrumented, and instrumented code
    // faults before SharpFuzz's loop has set up afl's shared memory.
    private static GptNeoXConfig Tiny() => new(5, 4, 1, 1, 8, RotaryPercent: 0, MaxPositions: 4);

    private static void Config(Stream input)
    {
        using var reader = new StreamReader(input, Encoding.UTF8);
        try
        {
            GptNeoXConfigReader.Parse(reader.ReadToEnd(), "fuzz-config.json");
        }
        catch (LanguageModelException)
        {
        }
    }
}
