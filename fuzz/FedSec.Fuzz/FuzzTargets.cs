using FedSec.Fuzz.Targets;

namespace FedSec.Fuzz;

/// <summary>The fuzz targets by name: each takes afl's input and lets only undocumented exceptions escape.</summary>
internal static class FuzzTargets
{
    public static IReadOnlyDictionary<string, Action<Stream>> All { get; } = new Dictionary<string, Action<Stream>>(StringComparer.Ordinal)
    {
        ["config"] = ConfigTarget.Run,
        ["grid"] = GridTarget.Run,
        ["npy"] = NpyTarget.Run,
        ["idx"] = IdxTarget.Run,
        ["cifar"] = CifarTarget.Run,
        ["femnist"] = FemnistTarget.Run,
        ["shakespeare"] = ShakespeareTarget.Run,
        ["stackoverflow"] = StackOverflowTarget.Run,
        ["update"] = UpdateTarget.Run,
        ["task"] = TaskTarget.Run,
        ["secagg"] = SecAggTarget.Run,
    };
}
