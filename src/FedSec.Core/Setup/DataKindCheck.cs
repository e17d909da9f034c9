using FedSec.Configuration;
using FedSec.Data;
using FedSec.Stages;

namespace FedSec.Setup;

/// <summary>
/// Checks, when a configuration is bound, that its components and partition fit the kind of data its data set holds:
/// on token sequences, attacks that poison image data, reconstruct images or constrain the local training, and defenses
/// that train on a server root set of images, are configuration errors naming their key; vector-only attacks and
/// defenses run unchanged. On images, the natural partition (a text corpus's groups) and the text backdoor are errors.
/// </summary>
public static class DataKindCheck
{
    /// <summary>Attacks that act on the exchanged vectors only, named in messages as examples of what text runs take.</summary>
    private const string VectorAttacks = "attacks on the exchanged vectors (byzantine, alie, ipm, min_max, sign_flip, gaussian, ...)";

    /// <summary>Every problem of <paramref name="setup"/> on data of <paramref name="kind"/>; empty when it fits.</summary>
    public static IReadOnlyList<ConfigProblem> Check(ExperimentSetup setup, DataKind kind)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var config = setup.Config;
        var problems = new List<ConfigProblem>();
        if (kind == DataKind.Images)
        {
            if (config.PartitionMethod == PartitionMethod.Natural)
            {
                problems.Add(new ConfigProblem(Key(config, EngineParameters.PartitionMethod.Key, ConfigSections.Data), $"natural splits a text corpus by its groups; image data sets ({config.Dataset}) take homo, hetero or shards."));
            }

            if (setup.Attack is { Instance: ITextBackdoorAttack } text)
            {
                problems.Add(new ConfigProblem(Key(config, EngineParameters.AttackType.Key, ConfigSections.Attack), $"{text.Name} writes a trigger phrase into token sequences; image data sets ({config.Dataset}) take the image backdoors (backdoor, dba, edge_case, model_replacement, neurotoxin)."));
            }

            return problems;
        }

        string run = $"text runs (data_args.dataset: {config.Dataset})";
        if (config.PartitionMethod == PartitionMethod.Shards)
        {
            problems.Add(new ConfigProblem(Key(config, EngineParameters.PartitionMethod.Key, ConfigSections.Data), $"shards deals label-sorted images; {run} take natural, homo or hetero."));
        }

        if (setup.Attack is { } attack && ImageOnly(attack.Instance) is { } what)
        {
            problems.Add(new ConfigProblem(Key(config, EngineParameters.AttackType.Key, ConfigSections.Attack), $"{attack.Name} {what}; {run} support {VectorAttacks}."));
        }

        foreach (var defense in setup.Defenses.Where(d => d.Instance is INeedsServerData))
        {
            problems.Add(new ConfigProblem(Key(config, EngineParameters.DefenseType.Key, ConfigSections.Defense), $"{defense.Name} trains on a server root set of images; {run} support defenses on the exchanged vectors (krum, multikrum, geo_median, trimmed_mean, rfa, flame, nnm, norm_diff_clipping, ...)."));
        }

        foreach (var defense in setup.Defenses.Where(d => d.Instance is INeedsModelProbe and not INeedsServerData))
        {
            problems.Add(new ConfigProblem(Key(config, EngineParameters.DefenseType.Key, ConfigSections.Defense), $"{defense.Name} runs the clients' models on random images; {run} support defenses on the exchanged vectors (krum, multikrum, geo_median, trimmed_mean, rfa, flame, nnm, norm_diff_clipping, ...)."));
        }

        return problems;
    }

    /// <summary>
    /// The problems of <paramref name="setup"/> on a data set that travels the image path but whose samples are not
    /// images (<paramref name="samples"/>: Shakespeare's character indices, StackOverflow's bag of words): attacks that
    /// poison or reconstruct images name <c>attack_args.attack_type</c>, defenses that run the models on images (DeepSight, FLARE) name
    /// <c>defense_args.defense_type</c>; vector attacks and every other defense run unchanged.
    /// </summary>
    public static IReadOnlyList<ConfigProblem> CheckNonImageSamples(ExperimentSetup setup, string samples)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var config = setup.Config;
        var problems = new List<ConfigProblem>();
        if (setup.Attack is { } attack && (attack.Instance is IDataPoisoningAttack || attack.Instance is IDataReconstructionAttack || attack.Instance is IShapesLocalObjective) && ImageOnly(attack.Instance) is { } what)
        {
            problems.Add(new ConfigProblem(
                Key(config, EngineParameters.AttackType.Key, ConfigSections.Attack),
                $"{attack.Name} {what}, but {config.Dataset}'s samples are {samples}; it supports {VectorAttacks}."));
        }

        foreach (var defense in setup.Defenses.Where(d => d.Instance is INeedsModelProbe))
        {
            problems.Add(new ConfigProblem(
                Key(config, EngineParameters.DefenseType.Key, ConfigSections.Defense),
                $"{defense.Name} runs the clients' models on server-side images, but {config.Dataset}'s samples are {samples}; every defense on the exchanged vectors runs unchanged."));
        }

        return problems;
    }

    private static string? ImageOnly(IAttack attack) => attack switch
    {
        ILabelFlippingAttack => "poisons image labels",
        IShapesLocalObjective => "trains its malicious clients on its own objective over image samples",
        IBackdoorAttack => "stamps an image trigger into the training data",
        IDataPoisoningAttack => "poisons image training data",
        IDataReconstructionAttack => "reconstructs training images",
        IConstrainsLocalTraining => "constrains the local training of an image model",
        _ => null,
    };

    private static string Key(ExperimentConfig config, string key, string section) =>
        config.Namespace.Find(key, section)?.QualifiedKey ?? $"{section}.{key}";
}
