using FedSec.Configuration;
using FedSec.Data;

namespace FedSec.Attacks.Backdoor;

/// <summary>
/// Checks that need the data set (its class count and image size are not known when the configuration is read):
/// run on the first data a backdoor sees, with errors naming the keys.
/// </summary>
internal static class BackdoorChecks
{
    public static void Ensure(BackdoorTrigger trigger, int targetLabel, ImageSet data)
    {
        if (targetLabel >= data.ClassCount)
        {
            throw new ConfigException("attack_args.target_label", $"Class {targetLabel} does not exist: the data set has {data.ClassCount} classes, 0 to {data.ClassCount - 1}.");
        }

        if (trigger.Misfit(data.Height, data.Width) is { } why)
        {
            throw new ConfigException("attack_args.trigger_size", why + " Use a smaller trigger_size or another trigger_position.");
        }
    }
}
