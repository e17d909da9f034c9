using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Components;
using FedSec.ServerOptimizers;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Interop;

/// <summary>
/// Runs the server's side of one round on given client models, outside any experiment: the defenses named by the
/// request, in the engine's own stage order (before-aggregation defenses in order, at most one aggregation rule,
/// else FedAvg's weighted mean, then after-aggregation defenses). The round is round 0 of 1, every client is
/// sampled, none is known to be malicious, and the model is one flat trainable tensor. This is what
/// <c>fedsec aggregate</c> runs, so that FedSec's defenses can be checked against other implementations.
/// </summary>
public static class OfflineAggregation
{
    private const string Section = ConfigSections.Defense;
    private const string ParamSource = "--param";

    /// <summary>Aggregates <see cref="OfflineAggregationRequest.Models"/> through the requested defenses.</summary>
    /// <exception cref="ConfigException">Lists every problem with the defense names and parameters at once.</exception>
    /// <exception cref="ArgumentException">The models, global model or weights do not fit together.</exception>
    /// <exception cref="InvalidUpdateException">A defense removed every update, or produced a non-finite one.</exception>
    public static OfflineAggregationResult Run(OfflineAggregationRequest request, ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(registry);
        int n = request.Models.Count;
        int d = CheckShapes(request);

        var problems = new List<ConfigProblem>();
        var descriptors = Resolve(request.Defenses, registry, problems);
        bool allResolved = descriptors.Count == request.Defenses.Count;
        var ns = BindParameters(request.Parameters, descriptors, problems, allResolved);
        if (!allResolved)
        {
            // The components cannot be checked against each other with one missing; report the names first.
            ThrowIfAny(problems);
        }

        var shape = new ExperimentShape(n, n, 1) { Offline = true };
        var instances = new List<ConfiguredDefense>();
        foreach (var descriptor in descriptors)
        {
            try
            {
                var args = new ComponentArgs(ns, Section, shape, problems);
                var instance = descriptor.Create(args);
                if (instance is INeedsServerData)
                {
                    problems.Add(new ConfigProblem(
                        $"{Section}.defense_type",
                        $"'{descriptor.Name}' needs the server's own clean data set (a root set trained on each round), which an offline aggregation of given models does not have."));
                }

                if (instance is INeedsModelProbe and not INeedsServerData)
                {
                    problems.Add(new ConfigProblem(
                        $"{Section}.defense_type",
                        $"'{descriptor.Name}' runs the clients' models on inputs, which an offline aggregation of given weight vectors cannot do (it has no model)."));
                }

                if (instance is IDefense defense)
                {
                    instances.Add(new ConfiguredDefense(descriptor.Name, defense, args.Settings));
                }
            }
            catch (ConfigException e)
            {
                // Components should report through ComponentArgs; one that throws still gets its problems listed.
                problems.AddRange(e.Problems);
            }
        }

        ThrowIfAny(problems);

        var config = new ExperimentConfig
        {
            RandomSeed = request.Seed,
            ClientNumInTotal = n,
            ClientNumPerRound = n,
            CommRound = 1,
            EnableDefense = descriptors.Count > 0,
            DefenseTypes = descriptors.Select(x => x.Name).ToArray(),
            Namespace = ns,
        };
        var stages = new PipelineStages(new ExperimentSetup(config, null, instances, Array.Empty<string>()));
        var layout = new ParameterLayout(new[] { ("weights", (IReadOnlyList<long>)new long[] { d }, ParameterKind.Trainable) });
        var context = new RoundContext
        {
            Round = 0,
            TotalRounds = 1,
            Global = request.Global?.ToArray() ?? new float[d],
            Layout = layout,
            SampledClients = Enumerable.Range(0, n).ToArray(),
            MaliciousClients = new HashSet<int>(),
            Seeds = new SeedStreams(request.Seed),
            TotalClients = n,
        };

        // Rows are copied: defenses may return (and later stages change) the arrays they were given.
        var updates = new ClientUpdate[n];
        for (int i = 0; i < n; i++)
        {
            double w = request.Weights?[i] ?? 1.0;
            updates[i] = new ClientUpdate(i, (int)Math.Min(int.MaxValue, Math.Round(w)), request.Models[i].ToArray()) { AggregationWeight = w };
        }

        var result = new ServerRound(stages, new FedAvgServer()).Run(updates, context, attackActive: false);
        return new OfflineAggregationResult(result.Global, result.Defenses);
    }

    private static int CheckShapes(OfflineAggregationRequest request)
    {
        var models = request.Models;
        if (models.Count == 0)
        {
            throw new ArgumentException("There are no client models to aggregate; give at least one row.", nameof(request));
        }

        int d = models[0].Length;
        if (d == 0)
        {
            throw new ArgumentException("The client models are empty (0 columns).", nameof(request));
        }

        for (int i = 1; i < models.Count; i++)
        {
            if (models[i].Length != d)
            {
                throw new ArgumentException($"Client {i}'s model has {models[i].Length} values; client 0's has {d}.", nameof(request));
            }
        }

        if (request.Global is { } g && g.Length != d)
        {
            throw new ArgumentException($"The global model has {g.Length} values; the client models have {d}.", nameof(request));
        }

        if (request.Weights is { } w)
        {
            if (w.Count != models.Count)
            {
                throw new ArgumentException($"There are {w.Count} weights for {models.Count} client models; give one per client.", nameof(request));
            }

            for (int i = 0; i < w.Count; i++)
            {
                if (!double.IsFinite(w[i]) || w[i] < 0)
                {
                    throw new ArgumentException($"Client {i}'s weight is {w[i]}; weights must be finite and non-negative.", nameof(request));
                }
            }

            if (w.Sum() <= 0)
            {
                throw new ArgumentException("The weights sum to zero; at least one client needs a positive weight.", nameof(request));
            }
        }

        return d;
    }

    private static List<ComponentDescriptor> Resolve(IReadOnlyList<string> names, ComponentRegistry registry, List<ConfigProblem> problems)
    {
        var all = registry.OfKind(ComponentKind.Defense).Select(x => x.Name).ToArray();
        string registered = all.Length > 0 ? string.Join(", ", all) : "(none)";
        var resolved = new List<ComponentDescriptor>();
        foreach (var name in names)
        {
            if (registry.TryGet(ComponentKind.Defense, name, out var descriptor))
            {
                resolved.Add(descriptor);
            }
            else
            {
                problems.Add(new ConfigProblem($"{Section}.defense_type", $"unknown defense '{name}'; the registered defenses are {registered}{NameSuggestion.Hint(name, all)}"));
            }
        }

        return resolved;
    }

    private static ConfigNamespace BindParameters(IReadOnlyList<string> assignments, List<ComponentDescriptor> defenses, List<ConfigProblem> problems, bool allResolved)
    {
        var ns = new ConfigNamespace();
        var known = defenses.SelectMany(x => x.Parameters).Select(p => p.Key).Distinct(StringComparer.Ordinal).ToArray();
        string chain = string.Join(", ", defenses.Select(x => x.Name));
        foreach (var assignment in assignments)
        {
            int eq = assignment.IndexOf('=', StringComparison.Ordinal);
            string key = eq > 0 ? assignment[..eq].Trim() : string.Empty;
            if (key.StartsWith(Section + ".", StringComparison.Ordinal))
            {
                key = key[(Section.Length + 1)..];
            }

            if (key.Length == 0 || key.Contains('.', StringComparison.Ordinal))
            {
                problems.Add(new ConfigProblem(ParamSource, $"'{assignment}' is not a defense parameter; write key=value (e.g. krum_param_m=3)."));
                continue;
            }

            // With an unknown defense name the set of valid keys is unknown too; that problem is reported already.
            if (allResolved && !known.Contains(key, StringComparer.Ordinal))
            {
                string keys = known.Length > 0 ? string.Join(", ", known) : "(none)";
                problems.Add(new ConfigProblem($"{Section}.{key}", $"'{key}' is not a parameter of {(chain.Length > 0 ? chain : "FedAvg")}; the parameters are {keys}{NameSuggestion.Hint(key, known)}"));
                continue;
            }

            try
            {
                ns.Set(Section, key, ConfigReader.ParseValue(assignment[(eq + 1)..], $"{Section}.{key}", ParamSource), ParamSource);
            }
            catch (ConfigException e)
            {
                problems.AddRange(e.Problems);
            }
        }

        return ns;
    }

    private static void ThrowIfAny(List<ConfigProblem> problems)
    {
        if (problems.Count > 0)
        {
            throw new ConfigException(problems.Distinct().ToList());
        }
    }
}
