using FedSec.Configuration;
using FedSec.Setup;
using FedSec.Stages;
using FedSec.Torch.Models;

namespace FedSec.Torch.Simulation;

/// <summary>
/// Checks, when a configuration is bound, that a defense which needs the model's penultimate-layer features
/// (<see cref="INeedsModelProbe.NeedsFeatures"/>, FLARE) is paired with a model that exposes them
/// (<see cref="ModelDescriptor.HasFeatures"/>); otherwise a problem naming <c>model_args.model</c> and the defense's
/// <c>defense_args.defense_type</c>, with the models that fit. The same holds for an attack that trains the encoder apart
/// from the head (<see cref="ITrainsEncoderAndHead"/>, Chameleon), named by <c>attack_args.attack_type</c>.
/// </summary>
internal static class ProbeModelCheck
{
    /// <summary>The problems of <paramref name="setup"/> with the models of <paramref name="models"/>; empty when it fits.</summary>
    public static IReadOnlyList<ConfigProblem> Check(ExperimentSetup setup, ModelCatalog models)
    {
        var config = setup.Config;
        if (!models.Contains(config.Model) || models.Get(config.Model).HasFeatures)
        {
            return Array.Empty<ConfigProblem>();
        }

        string key = config.Namespace.Find(EngineParameters.Model.Key, ConfigSections.Model)?.QualifiedKey ?? $"{ConfigSections.Model}.{EngineParameters.Model.Key}";
        string fitting = string.Join(", ", models.Models.Where(m => m.HasFeatures).Select(m => m.Name));
        var problems = setup.Defenses.Where(d => d.Instance is INeedsModelProbe { NeedsFeatures: true })
            .Select(d => new ConfigProblem(
                key,
                $"'{config.Model}' does not expose the penultimate-layer features that defense_args.defense_type '{d.Name}' compares; models that do: {fitting}."))
            .ToList();
        if (setup.Attack?.Instance is ITrainsEncoderAndHead)
        {
            problems.Add(new ConfigProblem(
                key,
                $"'{config.Model}' has no encoder/head split, which attack_args.attack_type '{setup.Attack.Name}' trains apart; models that have it: {fitting}."));
        }

        return problems;
    }
}
