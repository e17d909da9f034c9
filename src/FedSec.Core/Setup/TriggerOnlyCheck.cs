using FedSec.Configuration;
using FedSec.Stages;

namespace FedSec.Setup;

/// <summary>
/// <c>attack_args.trigger_only</c> is the control run of an attack that acts through the malicious clients' data: they
/// poison it and send nothing learned from it. Without an attack there is nothing to control; an attack that also forges
/// the malicious updates (a model-poisoning stage) would still put something into the model; one that plants no trigger
/// through data (label flipping, a pure model poisoning) has no trigger to measure. Each is a config error naming the key.
/// </summary>
internal static class TriggerOnlyCheck
{
    public static void Run(ExperimentConfig config, string? attackName, IAttack? attack, List<ConfigProblem> problems)
    {
        if (!config.TriggerOnly)
        {
            return;
        }

        string? why = attack switch
        {
            null => "no attack is enabled (attack_args.enable_attack, attack_type); it is the control run of a backdoor attack",
            IModelPoisoningAttack => $"attack_type '{attackName}' also forges the malicious clients' updates, which would still reach the model",
            IDataPoisoningAttack and IBackdoorAttack or ITextBackdoorAttack => null,
            _ => $"attack_type '{attackName}' does not poison the malicious clients' data with a trigger, so there is no trigger to measure",
        };
        if (why is not null)
        {
            problems.Add(new ConfigProblem(
                "attack_args.trigger_only",
                $"is true, but {why}; use trigger_only with an attack that only poisons data (backdoor, dba, edge_case, neurotoxin, chameleon, a3fl, iba, text_backdoor), or trigger_only: false."));
        }
    }
}
