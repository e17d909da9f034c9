using System.Text.Json;
using FedSec.Components;
using FedSec.Configuration;
using FedSec.Setup;

namespace FedSec.Testing;

/// <summary>
/// Checks every registered component against its own declarations: reading an empty section gives exactly the
/// options' declared defaults, with no problem except for keys declared required, and every declared default passes
/// its key's own validation.
/// </summary>
public static class ComponentDefaults
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true };

    /// <summary>One line per mismatch found in <paramref name="registry"/>; empty when every component is consistent.</summary>
    public static IReadOnlyList<string> Mismatches(ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var found = new List<string>();
        foreach (var d in registry.All)
        {
            foreach (var p in d.Parameters.Where(p => !p.DefaultIsValid(out _)))
            {
                p.DefaultIsValid(out string error);
                found.Add($"{d.Name}: the default of {p.Key} fails its own validation: {error}");
            }

            var problems = new List<ConfigProblem>();
            // An asynchronous optimizer (Zeno++ needs one; no other reads it) and a run long enough for a defense with a
            // warm-up (FLDetector flags from round N + 1): the shape every component binds with.
            var shape = new ExperimentConfig().Shape with { Optimizer = FederatedOptimizer.FedAsync, Rounds = 100 };
            var args = new ComponentArgs(new ConfigNamespace(), ConfigVocabulary.SectionOf(d.Kind), shape, problems);
            var read = d.ReadOptions(args);
            var required = d.Parameters.Where(p => p.Required).Select(p => $"{args.Section}.{p.Key}").ToHashSet(StringComparer.Ordinal);
            foreach (var problem in problems.Where(p => !required.Contains(p.Key)))
            {
                found.Add($"{d.Name}: an empty section gives a problem: {problem.Key}: {problem.Message}");
            }

            if (required.Count > 0 && problems.Count == 0)
            {
                found.Add($"{d.Name}: declares required keys ({string.Join(", ", required)}) but an empty section gives no problem.");
            }

            string readText = JsonSerializer.Serialize(read, read?.GetType() ?? typeof(object), Json);
            var declared = d.DefaultOptions();
            string declaredText = JsonSerializer.Serialize(declared, declared?.GetType() ?? typeof(object), Json);
            if (readText != declaredText)
            {
                found.Add($"{d.Name}: options read from an empty section differ from the declared defaults:\n  read:     {readText}\n  declared: {declaredText}");
            }
        }

        return found;
    }
}
