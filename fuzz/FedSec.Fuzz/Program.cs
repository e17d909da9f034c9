using SharpFuzz;

namespace FedSec.Fuzz;

/// <summary>
/// <c>FedSec.Fuzz TARGET</c> runs one target under afl-fuzz (SharpFuzz's out-of-process loop);
/// <c>FedSec.Fuzz TARGET FILE...</c> runs it on each FILE in turn in one process (as afl's persistent loop does), so a
/// crash afl saved can be replayed with its stack trace.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length < 1 || !FuzzTargets.All.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: FedSec.Fuzz TARGET [FILE...]; targets: {string.Join(", ", FuzzTargets.All.Keys)}");
            return 2;
        }

        if (args.Length > 1)
        {
            foreach (string path in args[1..])
            {
                using var file = File.OpenRead(path);
                target(file);
                Console.WriteLine($"{args[0]}: {path} gives only documented errors.");
            }

            return 0;
        }

        Fuzzer.OutOfProcess.Run(target);
        return 0;
    }
}
