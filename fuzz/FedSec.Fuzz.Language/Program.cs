using SharpFuzz;

namespace FedSec.Fuzz.Language;

/// <summary>
/// <c>FedSec.Fuzz.Language TARGET</c> runs safetensors or hf-config under afl-fuzz; <c>TARGET FILE</c> replays one
/// input; <c>seed DIR</c> writes a tiny model's checkpoint (config.json, model.safetensors) as seeds.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args is ["seed", var directory])
        {
            LanguageTargets.WriteSeeds(directory);
            return 0;
        }

        if (args.Length is < 1 or > 2 || !LanguageTargets.All.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: FedSec.Fuzz.Language TARGET [FILE] | seed DIR; targets: {string.Join(", ", LanguageTargets.All.Keys)}");
            return 2;
        }

        if (args.Length == 2)
        {
            using var file = File.OpenRead(args[1]);
            target(file);
            Console.WriteLine($"{args[0]}: {args[1]} gives only documented errors.");
            return 0;
        }

        Fuzzer.OutOfProcess.Run(target);
        return 0;
    }
}
