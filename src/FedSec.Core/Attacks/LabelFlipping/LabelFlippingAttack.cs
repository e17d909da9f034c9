using FedSec.Configuration;
using FedSec.Data;
using FedSec.Stages;

namespace FedSec.Attacks.LabelFlipping;

/// <summary>
/// Label flipping (Tolpegin, Truex, Gursoy and Liu, "Data poisoning attacks against federated learning systems",
/// ESORICS 2020): on each poisoned client's own copy of its training set, every sample of a source class gets the
/// paired target label (all pairs at once, so 3→9 with 9→3 swaps). Poisoned clients are
/// round(ratio × client_num_in_total) identities fixed for the experiment; the test set is never passed here, so it
/// stays clean (FedML poisoned the clients' test sets too, and re-drew one seed for all clients).
/// </summary>
internal sealed class LabelFlippingAttack(LabelFlippingOptions options) : IDataPoisoningAttack, IControlsClients, ILabelFlippingAttack
{
    public MaliciousClientSpec MaliciousClients => new(options.ClientNum);

    public IReadOnlyList<LabelFlip> Flips => options.Flips;

    public ImageSet PoisonData(ImageSet data, ClientContext context)
    {
        var map = new int[data.ClassCount];
        for (int c = 0; c < map.Length; c++)
        {
            map[c] = c;
        }

        foreach (var (source, target) in options.Flips)
        {
            int bad = Math.Max(source, target);
            if (bad >= data.ClassCount)
            {
                string key = bad == source ? "attack_args.original_class_list" : "attack_args.target_class_list";
                throw new ConfigException(key, $"Class {bad} does not exist: the data set has {data.ClassCount} classes, 0 to {data.ClassCount - 1}.");
            }

            map[source] = target;
        }

        var labels = data.Labels;
        for (int i = 0; i < labels.Length; i++)
        {
            labels[i] = map[labels[i]];
        }

        return data;
    }
}
