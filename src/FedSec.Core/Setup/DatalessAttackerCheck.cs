using FedSec.Configuration;
using FedSec.Stages;

namespace FedSec.Setup;

/// <summary>
/// <c>attack_args.malicious_clients_without_data</c> leaves the malicious clients without training data, so an attack
/// that poisons, trains on or forges from its own data cannot run: data poisoning and backdoors (image and text), label
/// flipping, constrained local training, and model poisoning built from the client's own trained model
/// (<see cref="IUsesOwnTraining"/>). Each is a config error naming both keys.
/// </summary>
internal static class DatalessAttackerCheck
{
    public static void Run(ExperimentConfig config, string? attackName, IAttack? attack, List<ConfigProblem> problems)
    {
        if (!config.MaliciousClientsWithoutData || attack is null)
        {
            return;
        }

        string? why = attack switch
        {
            IDataPoisoningAttack or ITextBackdoorAttack => "poisons the malicious clients' own training data",
            IConstrainsLocalTraining => "changes the malicious clients' own local training",
            IBackdoorAttack or ILabelFlippingAttack => "trains the malicious clients on their own poisoned data",
            IUsesOwnTraining { UsesOwnTraining: true } => "forges the update from the malicious client's own trained model",
            _ => null,
        };
        if (why is not null)
        {
            problems.Add(new ConfigProblem(
                "attack_args.malicious_clients_without_data",
                $"is true, but attack_type '{attackName}' {why}, which a client without data does not have; use malicious_clients_without_data: false, or an attack that forges from the other clients' updates or from nothing (ipm, alie, min_max, min_sum, gaussian, byzantine with attack_mode random or zero, lazy_worker, mimic)."));
        }
    }
}
