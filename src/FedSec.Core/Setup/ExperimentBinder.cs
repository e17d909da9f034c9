using FedSec.Configuration;
using FedSec.Configuration.Parameters;
using FedSec.Components;
using FedSec.Stages;
using P = FedSec.Configuration.EngineParameters;
using S = FedSec.Configuration.ConfigSections;

namespace FedSec.Setup;

/// <summary>
/// Turns a parsed configuration into a validated <see cref="ExperimentSetup"/>: binds the engine keys, creates the
/// named attack and defenses from a <see cref="ComponentRegistry"/>, checks every key against the vocabulary, and
/// reports every problem at once.
/// </summary>
public static class ExperimentBinder
{
    /// <summary>
    /// Validates <paramref name="config"/> and creates its components. FedML's sections and keys that do not apply
    /// here become warnings (one line each); FedML's ignored sections are left out of the namespace the engine and the
    /// components read.
    /// </summary>
    /// <param name="config">The parsed configuration (with any overrides applied).</param>
    /// <param name="registry">The attacks and defenses the configuration may name.</param>
    /// <param name="modelNames">The model names <c>model_args.model</c> may take (empty: any).</param>
    /// <param name="datasetNames">The data set names <c>data_args.dataset</c> may take (empty: any).</param>
    /// <exception cref="ConfigException">Lists every problem found: types, ranges, cross-checks, unknown names and keys.</exception>
    public static ExperimentSetup Bind(
        ConfigNamespace config,
        ComponentRegistry registry,
        IReadOnlyCollection<string> modelNames,
        IReadOnlyCollection<string> datasetNames)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(modelNames);
        ArgumentNullException.ThrowIfNull(datasetNames);

        var problems = new List<ConfigProblem>();
        var warnings = new List<string>();
        var used = WithoutIgnoredSections(config, registry);
        var reader = new SectionReader(used, problems);
        var engine = EngineConfigReader.Read(reader, modelNames, datasetNames);

        var attack = Resolve(reader, registry, ComponentKind.Attack, warnings);
        var defenses = Resolve(reader, registry, ComponentKind.Defense, warnings);

        var shape = engine.Shape;
        var attackInstance = attack.Select(d => Create(d, used, shape, problems)).FirstOrDefault();
        var defenseInstances = defenses.Select(d => Create(d, used, shape, problems)).ToList();
        var extensions = registry.Extensions
            .Select(e => (e.Section, Made: CreateExtension(e, used, shape, problems)))
            .Where(e => e.Made is not null)
            .Select(e => new ConfiguredExtension(e.Section, e.Made!.Value.Instance, e.Made.Value.Settings))
            .ToArray();
        VocabularyCheck.Run(config, registry, attack.Concat(defenses).ToHashSet(), extensions.Select(e => e.Section).ToHashSet(StringComparer.Ordinal), problems, warnings);

        if (problems.Count == 0)
        {
            DatalessAttackerCheck.Run(engine, attack.Select(d => d.Name).FirstOrDefault(), attackInstance?.Instance as IAttack, problems);
            TriggerOnlyCheck.Run(engine, attack.Select(d => d.Name).FirstOrDefault(), attackInstance?.Instance as IAttack, problems);
            CheckCombination(attack, attackInstance, defenses, defenseInstances, extensions, problems);
        }

        if (problems.Count > 0)
        {
            throw new ConfigException(Arrange(problems, config));
        }

        var bound = engine with
        {
            EnableAttack = attack.Count > 0,
            AttackType = attack.Select(d => d.Name).FirstOrDefault(),
            EnableDefense = defenses.Count > 0,
            DefenseTypes = defenses.Select(d => d.Name).ToArray(),
            Namespace = used,
        };
        var configuredAttack = attackInstance is null ? null : new ConfiguredAttack(attack[0].Name, (IAttack)attackInstance.Value.Instance, attackInstance.Value.Settings);
        var configuredDefenses = defenses.Select((d, i) => new ConfiguredDefense(d.Name, (IDefense)defenseInstances[i]!.Value.Instance, defenseInstances[i]!.Value.Settings)).ToArray();
        return new ExperimentSetup(bound, configuredAttack, configuredDefenses, warnings)
        {
            Settings = [.. Settings(reader, bound, configuredAttack, configuredDefenses), .. extensions.SelectMany(e => e.Settings)],
            Extensions = extensions,
        };
    }

    /// <summary>Asks every component that constrains the others (<see cref="IConstrainsSetup"/>) about this combination.</summary>
    private static void CheckCombination(
        List<ComponentDescriptor> attack,
        (IComponent Instance, IReadOnlyList<ResolvedSetting> Settings)? attackInstance,
        List<ComponentDescriptor> defenses,
        List<(IComponent Instance, IReadOnlyList<ResolvedSetting> Settings)?> defenseInstances,
        IReadOnlyList<ConfiguredExtension> extensions,
        List<ConfigProblem> problems)
    {
        (string, IAttack)? a = attackInstance is { } ai ? (attack[0].Name, (IAttack)ai.Instance) : null;
        var d = defenses.Select((x, i) => (x.Name, (IDefense)defenseInstances[i]!.Value.Instance)).ToArray();
        var components = a is { } at ? new IComponent[] { at.Item2 } : [];
        foreach (var constrains in components.Concat(d.Select(x => (IComponent)x.Item2)).Concat(extensions.Select(e => e.Instance)).OfType<IConstrainsSetup>())
        {
            var others = extensions.Where(e => !ReferenceEquals(e.Instance, constrains)).Select(e => (e.Section, e.Instance)).ToArray();
            problems.AddRange(constrains.Check(a, d, others));
        }
    }

    private static (IComponent Instance, IReadOnlyList<ResolvedSetting> Settings)? CreateExtension(ExtensionDescriptor e, ConfigNamespace used, ExperimentShape shape, List<ConfigProblem> problems)
    {
        var args = new ComponentArgs(used, e.Section, shape, problems);
        try
        {
            return e.Create(args) is { } instance ? (instance, args.Settings) : null;
        }
        catch (ConfigException ex)
        {
            problems.AddRange(ex.Problems);
            return null;
        }
    }

    /// <summary>
    /// The run's settings: the engine keys as read, the component names as resolved (an attack or defense that is not
    /// enabled is none), and each component's keys under its section.
    /// </summary>
    private static ResolvedSetting[] Settings(SectionReader reader, ExperimentConfig bound, ConfiguredAttack? attack, IReadOnlyList<ConfiguredDefense> defenses)
    {
        var naming = new HashSet<string>(StringComparer.Ordinal) { P.EnableAttack.Key, P.AttackType.Key, P.EnableDefense.Key, P.DefenseType.Key };
        var settings = reader.Settings.Where(s => !naming.Contains(s.Key[(s.Key.IndexOf('.', StringComparison.Ordinal) + 1)..])).ToList();
        settings.Add(ResolvedSetting.Of(P.AttackType, S.Attack, attack?.Name ?? P.AttackType.Default));
        settings.Add(ResolvedSetting.Of(P.DefenseType, S.Defense, bound.DefenseTypes));
        settings.AddRange(attack?.Settings ?? []);
        settings.AddRange(defenses.SelectMany(d => d.Settings));
        return settings.ToArray();
    }

    /// <summary>The components named by attack_type (at most one) or defense_type (in order), when enabled.</summary>
    private static List<ComponentDescriptor> Resolve(SectionReader r, ComponentRegistry registry, ComponentKind kind, List<string> warnings)
    {
        bool attack = kind == ComponentKind.Attack;
        BoolParameter enableKey = attack ? P.EnableAttack : P.EnableDefense;
        IParameter typeKey = attack ? P.AttackType : P.DefenseType;
        string section = attack ? S.Attack : S.Defense, noun = attack ? "attack" : "defense";
        bool enabled = r.Get(enableKey, section);
        var names = (attack ? new[] { r.Get(P.AttackType, section) } : r.Get(P.DefenseType, section))
            .Where(n => !string.Equals(n.Trim(), "none", StringComparison.OrdinalIgnoreCase) && n.Trim().Length > 0)
            .ToList();
        string typeWhere = r.QualifiedKey(typeKey, section);
        string registered = registry.OfKind(kind) is { Count: > 0 } all ? string.Join(", ", all.Select(d => d.Name)) : "(none)";

        var resolved = new List<ComponentDescriptor>();
        if (!enabled)
        {
            if (names.Count > 0)
            {
                warnings.Add($"{typeWhere}: {string.Join(", ", names)} ignored because {r.QualifiedKey(enableKey, section)} is not true.");
            }

            return resolved;
        }

        if (names.Count == 0 && !r.Failed(typeKey))
        {
            r.Report(typeKey, section, $"{enableKey.Key} is true but no {typeKey.Key} is given; name one of the registered {noun}s: {registered}.");
        }

        foreach (var name in names)
        {
            if (registry.TryGet(kind, name, out var d))
            {
                resolved.Add(d);
            }
            else if (!attack && FedMLKeys.DefenseNames.TryGetValue(name.Trim(), out var fedml) && fedml.Defenses.All(n => registry.TryGet(kind, n, out _)))
            {
                foreach (var member in fedml.Defenses)
                {
                    registry.TryGet(kind, member, out var m);
                    resolved.Add(m);
                }

                warnings.Add($"{typeWhere}: {fedml.Warning}");
            }
            else
            {
                var hint = NameSuggestion.Hint(name, registry.OfKind(kind).Select(x => x.Name));
                r.Report(typeKey, section, $"unknown {noun} '{name}'; the registered {noun}s are {registered}{hint}");
            }
        }

        return resolved;
    }

    private static (IComponent Instance, IReadOnlyList<ResolvedSetting> Settings)? Create(ComponentDescriptor d, ConfigNamespace used, ExperimentShape shape, List<ConfigProblem> problems)
    {
        var args = new ComponentArgs(used, ConfigVocabulary.SectionOf(d.Kind), shape, problems);
        try
        {
            return d.Create(args) is { } instance ? (instance, args.Settings) : null;
        }
        catch (ConfigException e)
        {
            // Components should report through ComponentArgs; one that throws still gets its problems listed.
            problems.AddRange(e.Problems);
            return null;
        }
    }

    private static ConfigNamespace WithoutIgnoredSections(ConfigNamespace config, ComponentRegistry registry)
    {
        var used = new ConfigNamespace();
        var registered = registry.Extensions.Select(x => x.Section).ToHashSet(StringComparer.Ordinal);
        foreach (var e in config.Entries.Where(e => registered.Contains(e.Section) || !FedMLKeys.IgnoredSections.ContainsKey(e.Section)))
        {
            used.Set(e.Section, e.Key, e.Value, e.Source);
        }

        return used;
    }

    /// <summary>Problems once each, in the order their keys appear in the file, each with where it was written.</summary>
    private static List<ConfigProblem> Arrange(List<ConfigProblem> problems, ConfigNamespace config)
    {
        var entries = config.Entries;
        int Position(ConfigProblem p)
        {
            for (int i = 0; i < entries.Count; i++)
            {
                if (entries[i].QualifiedKey == p.Key || entries[i].Section == p.Key)
                {
                    return i;
                }
            }

            return int.MaxValue;
        }

        string Located(ConfigProblem p)
        {
            var entry = entries.FirstOrDefault(e => e.QualifiedKey == p.Key) ?? entries.FirstOrDefault(e => e.Section == p.Key);
            return entry is null ? p.Message
                : entry.Source == ConfigReader.OverrideSource ? $"{p.Message} (from {entry.Source})"
                : $"{p.Message} (at {entry.Source})";
        }

        return problems
            .Distinct()
            .Select((p, i) => (p, i))
            .OrderBy(t => Position(t.p))
            .ThenBy(t => t.i)
            .Select(t => t.p with { Message = Located(t.p) })
            .ToList();
    }
}
